package nl.bijstandsportaal.regelingen;

import jakarta.inject.Singleton;
import org.jooq.DSLContext;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import static nl.bijstandsportaal.platform.db.generated.Tables.REGELINGEN_ANTWOORDEN;

/**
 * The answers a citizen gave in the check ({@code regelingen_antwoorden}), one row per citizen, stored as
 * {@code vraag=antwoord&...} (the answers are checked values: choices, whole numbers, amounts).
 */
@Singleton
class RegelingenRepository {

    private final DSLContext db;

    RegelingenRepository(DSLContext db) {
        this.db = db;
    }

    Map<String, String> answers(long burgerId) {
        String stored = db.select(REGELINGEN_ANTWOORDEN.ANTWOORDEN).from(REGELINGEN_ANTWOORDEN)
                .where(REGELINGEN_ANTWOORDEN.BURGER_ID.eq(burgerId)).fetchOne(REGELINGEN_ANTWOORDEN.ANTWOORDEN);
        return decode(stored);
    }

    void save(long burgerId, Map<String, String> answers, Instant at) {
        String encoded = encode(answers);
        LocalDateTime when = LocalDateTime.ofInstant(at, ZoneOffset.UTC);
        db.insertInto(REGELINGEN_ANTWOORDEN)
                .set(REGELINGEN_ANTWOORDEN.BURGER_ID, burgerId)
                .set(REGELINGEN_ANTWOORDEN.ANTWOORDEN, encoded)
                .set(REGELINGEN_ANTWOORDEN.BIJGEWERKT_OP, when)
                .onDuplicateKeyUpdate()
                .set(REGELINGEN_ANTWOORDEN.ANTWOORDEN, encoded)
                .set(REGELINGEN_ANTWOORDEN.BIJGEWERKT_OP, when)
                .execute();
    }

    static String encode(Map<String, String> answers) {
        return answers.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    static Map<String, String> decode(String stored) {
        Map<String, String> answers = new LinkedHashMap<>();
        if (stored == null || stored.isEmpty()) {
            return answers;
        }
        for (String pair : stored.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                answers.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return answers;
    }
}
