package nl.bijstandsportaal.account;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BsnTest {

    @ParameterizedTest(name = "{0} is valid: {1}")
    @CsvSource({
            "999990019, true",
            "999990032, true",
            "111222333, true",
            "11222333, false",
            "999990018, false",
            "123456789, false",
            "000000000, false",
            "12345678a, false",
            "'', false",
            "1234567890, false",
    })
    void elfproef(String raw, boolean valid) {
        assertEquals(valid, Bsn.isValid(raw));
    }

    @Test
    void eightDigitsAreAValidBsnWithALeadingZero() {
        // 0 + 11222333 = 011222333: 0*9+1*8+1*7+2*6+2*5+2*4+3*3+3*2 = 60, minus 3 = 57: not a multiple of 11
        assertFalse(Bsn.isValid("11222333"));
        assertEquals("012345672", Bsn.parse("12345672").value());
    }

    @Test
    void neverShowsTheNumberInText() {
        Bsn bsn = Bsn.parse("999990019");
        assertFalse(bsn.toString().contains("999990019"));
        assertThrows(IllegalArgumentException.class, () -> Bsn.parse("123456789"));
    }
}
