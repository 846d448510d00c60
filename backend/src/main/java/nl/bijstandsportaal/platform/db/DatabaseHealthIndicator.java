package nl.bijstandsportaal.platform.db;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import javax.sql.DataSource;
import java.sql.Connection;
import java.util.concurrent.ExecutorService;

/**
 * Readiness (GET /health/readiness, and /health) is DOWN while the database cannot be reached, so a load balancer
 * sends no one to an instance that can only answer "try again shortly". Liveness stays UP: restarting the portal does
 * not bring a database back. The check borrows a pool connection (waiting at most the connection timeout) on a
 * blocking thread, never on the event loop.
 */
@Singleton
@Readiness
class DatabaseHealthIndicator implements HealthIndicator {

    private final DataSource dataSource;
    private final ExecutorService blocking;

    DatabaseHealthIndicator(DataSource dataSource, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.dataSource = dataSource;
        this.blocking = blocking;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return Mono.fromCallable(this::check).subscribeOn(Schedulers.fromExecutorService(blocking));
    }

    private HealthResult check() {
        HealthResult.Builder result = HealthResult.builder("database");
        try (Connection connection = dataSource.getConnection()) {
            return result.status(connection.isValid(2) ? HealthStatus.UP : HealthStatus.DOWN).build();
        } catch (Exception e) {
            return result.status(HealthStatus.DOWN).build();
        }
    }
}
