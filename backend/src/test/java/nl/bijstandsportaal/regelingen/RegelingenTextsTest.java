package nl.bijstandsportaal.regelingen;

import nl.bijstandsportaal.rules.Household;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The texts of the regelingen that the code names by building keys (not literals a bundle test can see). */
class RegelingenTextsTest {

    /** Every text the catalogue and the check derive from names exists in Dutch and English. */
    @Test
    void everyDerivedTextExists() throws IOException {
        java.util.Properties dutch = new java.util.Properties();
        java.util.Properties english = new java.util.Properties();
        try (var in = getClass().getResourceAsStream("/i18n/messages_nl.properties");
             var in2 = getClass().getResourceAsStream("/i18n/messages_en.properties")) {
            dutch.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            english.load(new java.io.InputStreamReader(in2, java.nio.charset.StandardCharsets.UTF_8));
        }
        List<String> keys = new java.util.ArrayList<>(CheckFlow.FLOW.keys());
        for (Regeling r : Regeling.values()) {
            for (String part : List.of("naam", "kort", "wat", "voorWie", "bewijs", "aanvragen", "alternatief", "summary")) {
                keys.add("regelingen." + r.code() + "." + part);
            }
        }
        for (Uitkomst u : Uitkomst.values()) {
            keys.add("regelingen.uitkomst." + u.name());
        }
        for (var l : Household.Leefvorm.values()) {
            keys.add("regelingen.leefvorm." + l.name());
        }
        List<String> missing = keys.stream().filter(k -> !dutch.containsKey(k) || !english.containsKey(k)).toList();
        assertTrue(missing.isEmpty(), "missing texts: " + missing);
    }

}
