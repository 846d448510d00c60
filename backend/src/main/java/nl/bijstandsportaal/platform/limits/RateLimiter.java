package nl.bijstandsportaal.platform.limits;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets (Bucket4j) per limit and per client address or account. Each limit is "so many per period", refilled
 * evenly; an empty bucket answers with the seconds until the next request may go (Retry-After). With
 * {@code portal.rate-limits.store=database} (the default) the buckets are rows in the database, shared by every
 * instance, so a limit holds behind a round-robin balancer too (ADR 0045); with {@code memory} each instance counts on
 * its own (ADR 0034). Idle buckets (full again) are removed every minute.
 */
@Singleton
public class RateLimiter {

    private static final Logger LOG = LoggerFactory.getLogger(RateLimiter.class);

    /** One limit: at most {@code count} requests per {@code period}; 0 is no limit. */
    public record Limit(long count, Duration period) {
        boolean isOn() {
            return count > 0 && period != null && !period.isZero() && !period.isNegative();
        }
    }

    private final boolean enabled;
    private final int maxKeys;
    private final Map<RateLimitRules.Kind, Limit> perAddress;
    private final Map<RateLimitRules.Kind, Limit> perAccount;
    private final ConcurrentHashMap<String, Held> buckets = new ConcurrentHashMap<>();

    private record Held(Bucket bucket, long capacity) {
    }

    /** The shared store; null when each instance counts in its own memory. */
    private final DatabaseBuckets shared;
    /** Real time: a limit counts real seconds, also in a demo whose calendar stands still. */
    private final java.time.Clock wall;

    RateLimiter(@Value("${portal.rate-limits.enabled:true}") boolean enabled,
                @Value("${portal.rate-limits.max-keys:200000}") int maxKeys,
                @Value("${portal.rate-limits.login.per-address:30}") long loginPerAddress,
                @Value("${portal.rate-limits.login.period:1m}") Duration loginPeriod,
                @Value("${portal.rate-limits.submit.per-address:300}") long submitPerAddress,
                @Value("${portal.rate-limits.submit.per-account:60}") long submitPerAccount,
                @Value("${portal.rate-limits.submit.period:1m}") Duration submitPeriod,
                @Value("${portal.rate-limits.upload.per-address:100}") long uploadPerAddress,
                @Value("${portal.rate-limits.upload.per-account:30}") long uploadPerAccount,
                @Value("${portal.rate-limits.upload.period:10m}") Duration uploadPeriod,
                @Value("${portal.rate-limits.store:database}") String store,
                io.micronaut.context.BeanProvider<javax.sql.DataSource> dataSource,
                @jakarta.inject.Named(nl.bijstandsportaal.platform.time.ClockFactory.WALL) java.time.Clock wall) {
        this.wall = wall;
        this.shared = switch (store.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "database" -> enabled ? new DatabaseBuckets(dataSource.get(), wall) : null;
            case "memory" -> null;
            default -> throw new IllegalStateException("portal.rate-limits.store (PORTAL_RATE_LIMIT_STORE) is database or memory, not '" + store + "'");
        };
        this.enabled = enabled;
        this.maxKeys = maxKeys;
        this.perAddress = Map.of(
                RateLimitRules.Kind.LOGIN, new Limit(loginPerAddress, loginPeriod),
                RateLimitRules.Kind.SUBMIT, new Limit(submitPerAddress, submitPeriod),
                RateLimitRules.Kind.UPLOAD, new Limit(uploadPerAddress, uploadPeriod));
        this.perAccount = Map.of(
                RateLimitRules.Kind.SUBMIT, new Limit(submitPerAccount, submitPeriod),
                RateLimitRules.Kind.UPLOAD, new Limit(uploadPerAccount, uploadPeriod));
    }

    /** Empty: go on. Otherwise the seconds to wait. */
    public OptionalLong takeForAddress(RateLimitRules.Kind kind, String address) {
        return take("a:" + kind + ":" + address, perAddress.get(kind));
    }

    /** Empty: go on. Otherwise the seconds to wait. */
    public OptionalLong takeForAccount(RateLimitRules.Kind kind, String account) {
        return take("u:" + kind + ":" + account, perAccount.get(kind));
    }

    private OptionalLong take(String key, Limit limit) {
        if (!enabled || limit == null || !limit.isOn()) {
            return OptionalLong.empty();
        }
        if (shared != null) {
            return takeShared(key, limit);
        }
        if (buckets.size() >= maxKeys && !buckets.containsKey(key)) {
            removeIdle();
            if (buckets.size() >= maxKeys) {
                LOG.warn("Rate limits: more than {} clients at once; this one is not counted", maxKeys);
                return OptionalLong.empty();
            }
        }
        Held held = buckets.computeIfAbsent(key, k -> new Held(Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limit.count()).refillGreedy(limit.count(), limit.period()).build())
                .build(), limit.count()));
        ConsumptionProbe probe = held.bucket().tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return OptionalLong.empty();
        }
        long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
        return OptionalLong.of(seconds);
    }

    /**
     * The bucket in the database, locked for the moment it is taken from. A database that cannot be reached lets the
     * request through (a limit against abuse must not stop the portal; the request then meets the same database).
     */
    private OptionalLong takeShared(String key, Limit limit) {
        try {
            ConsumptionProbe probe = shared.builder().build(key, () -> io.github.bucket4j.BucketConfiguration.builder()
                    .addLimit(Bandwidth.builder().capacity(limit.count()).refillGreedy(limit.count(), limit.period()).build())
                    .build()).tryConsumeAndReturnRemaining(1);
            if (probe.isConsumed()) {
                return OptionalLong.empty();
            }
            return OptionalLong.of(Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L));
        } catch (RuntimeException e) {
            LOG.warn("Rate limits: the shared bucket could not be read ({}); this request is not counted", e.getMessage());
            return OptionalLong.empty();
        }
    }

    /** Buckets that are full again say nothing a new bucket would not: they go. */
    @Scheduled(fixedDelay = "1m", initialDelay = "1m")
    void removeIdle() {
        buckets.entrySet().removeIf(e -> e.getValue().bucket().getAvailableTokens() >= e.getValue().capacity());
        if (shared != null) {
            try {
                shared.removeExpired(wall.millis());
            } catch (java.sql.SQLException | RuntimeException e) {
                LOG.warn("Rate limits: idle buckets not removed this time ({})", e.getMessage());
            }
        }
    }
}
