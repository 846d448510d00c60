package nl.bijstandsportaal.platform.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import nl.bijstandsportaal.platform.i18n.Text;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cursor paging and "changed since" for the app's growing lists (issue 19, ADR 0053): {@code aantal} (1 to 100, 50 when
 * left out), {@code na} (the cursor of the next page, as the previous answer's {@code Link: <...>; rel="next"} gives it;
 * opaque to the app) and {@code gewijzigdSinds} (an ISO 8601 moment: only what was made or changed from then on). The
 * body stays a plain array; the next page is in the {@code Link} header (RFC 8288), absent on the last page.
 * <p>
 * A cursor is the sort key of the last item given (its moment and id, newest first): keyset paging, so an item added
 * while the app pages does not push another onto the next page twice.
 */
public final class ApiPaging {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 100;

    /** Where a page ends: the moment and id of its last item (newest first). */
    public record Cursor(LocalDateTime at, long id) {
        String encode() {
            String raw = at.toInstant(ZoneOffset.UTC).toEpochMilli() * 1000 + at.getNano() / 1000 % 1000 + ":" + id;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
        }

        static Cursor decode(String value) {
            String raw = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.US_ASCII);
            String[] parts = raw.split(":");
            if (parts.length != 2) {
                throw new IllegalArgumentException(raw);
            }
            long micros = Long.parseLong(parts[0]);
            LocalDateTime at = LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                    (int) Math.floorMod(micros, 1_000_000L) * 1000, ZoneOffset.UTC);
            return new Cursor(at, Long.parseLong(parts[1]));
        }
    }

    /** What the app asked for: a page size, where to go on (null: from the newest), changed since (null: everything). */
    public record Page(int size, Cursor after, LocalDateTime changedSince) {
    }

    /** The items of one page, and where the next one starts (null on the last page). */
    public record Slice<T>(List<T> items, Cursor next) {

        /** {@code rows} fetched with {@code size + 1}: the extra row only says that there is a next page. */
        public static <T> Slice<T> of(List<T> rows, int size, java.util.function.Function<T, Cursor> cursorOf) {
            if (rows.size() <= size) {
                return new Slice<>(rows, null);
            }
            List<T> page = rows.subList(0, size);
            return new Slice<>(List.copyOf(page), cursorOf.apply(page.get(size - 1)));
        }
    }

    private ApiPaging() {
    }

    /** Reads the three parameters; what is wrong is a 422 naming the parameter and what to do. */
    public static Page page(Problems problems, String aantal, String na, String gewijzigdSinds) {
        Map<String, Text> errors = new LinkedHashMap<>();
        int size = DEFAULT_SIZE;
        if (aantal != null) {
            try {
                size = Integer.parseInt(aantal.trim());
            } catch (NumberFormatException e) {
                size = -1;
            }
            if (size < 1 || size > MAX_SIZE) {
                errors.put("aantal", Text.of("api.paging.size", MAX_SIZE));
            }
        }
        Cursor after = null;
        if (na != null) {
            try {
                after = Cursor.decode(na);
            } catch (RuntimeException e) {
                errors.put("na", Text.of("api.paging.cursor"));
            }
        }
        LocalDateTime since = null;
        if (gewijzigdSinds != null) {
            try {
                since = OffsetDateTime.parse(gewijzigdSinds).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
            } catch (DateTimeParseException e) {
                errors.put("gewijzigdSinds", Text.of("api.paging.since"));
            }
        }
        if (!errors.isEmpty()) {
            throw problems.invalid(errors);
        }
        return new Page(size, after, since);
    }

    /** The answer with {@code Link: <path?na=...>; rel="next"} when there is a next page, keeping the other parameters. */
    public static <T, R> MutableHttpResponse<R> withNext(MutableHttpResponse<R> response, HttpRequest<?> request, Page page, Slice<T> slice) {
        if (slice.next() != null) {
            StringBuilder link = new StringBuilder(request.getPath()).append("?na=").append(slice.next().encode())
                    .append("&aantal=").append(page.size());
            request.getParameters().getFirst("gewijzigdSinds").ifPresent(since ->
                    link.append("&gewijzigdSinds=").append(URLEncoder.encode(since, StandardCharsets.UTF_8)));
            response.header("Link", "<" + link + ">; rel=\"next\"");
        }
        return response;
    }

}
