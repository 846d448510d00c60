package nl.bijstandsportaal.api;

import kotlinx.serialization.json.Json;
import nl.bijstandsportaal.appclient.model.Papier;
import nl.bijstandsportaal.appclienttest.StrictJson;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The generated client's decoding, as GeneratedClientTest uses it (ADR 0050), refuses what the contract does not allow:
 * so an answer that decodes there keeps to the contract. No portal needed.
 */
class StrictDecodingTest {

    /** A paper of an application (Papier): its fields have Dutch names already. */
    private static final String PAPER =
            "{\"wat\":\"Je loonstrook\",\"teLaat\":false,\"status\":\"OPEN\",\"uiterlijk\":\"2026-12-01\"}";

    private static Papier decode(String json) {
        Json strict = StrictJson.INSTANCE.getJson();
        return strict.decodeFromString(Papier.Companion.serializer(), json);
    }

    @Test
    void anAnswerAsTheContractSaysDecodes() {
        assertEquals("Je loonstrook", decode(PAPER).getWat());
    }

    @Test
    void aValueOutsideAnEnumAMissingFieldAnUnknownFieldAWrongTypeOrDateFail() {
        assertThrows(RuntimeException.class, () -> decode(PAPER.replace("OPEN", "ONBEKEND")), "enum value");
        assertThrows(RuntimeException.class, () -> decode(PAPER.replace("\"wat\":\"Je loonstrook\",", "")), "required field");
        assertThrows(RuntimeException.class, () -> decode(PAPER.replace("{", "{\"extra\":1,")), "field not in the contract");
        assertThrows(RuntimeException.class, () -> decode(PAPER.replace("\"Je loonstrook\"", "12")), "a number for a text");
        // kotlinx.serialization reads "false" as false even when not lenient: a quoted yes/no or number is left to the
        // contract check, which GeneratedClientTest runs on the same answers.
        assertThrows(RuntimeException.class, () -> decode(PAPER.replace("2026-12-01", "1-12-2026")), "date");
    }
}
