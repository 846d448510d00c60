package nl.bijstandsportaal.platform.i18n;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Amounts as people type them in Dutch forms: a comma for cents, points between thousands; nothing guessed. */
class TypedInputTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
            "12|12.00", "12,5|12.50", "12,50|12.50", "12.50|12.50", "1.380|1380.00", "12.345,67|12345.67",
            "€ 1.234|1234.00", "0|0.00", "0,01|0.01", "380|380.00",
    })
    void readsWhatPeopleType(String typed, BigDecimal expected) {
        assertEquals(expected, TypedInput.amount(typed).orElseThrow());
    }

    /** "0.001" was read as € 1,00: a point followed by three digits is only a thousands point after a group that is not 0. */
    @ParameterizedTest
    @ValueSource(strings = {"0.001", "1,234", "12,345", "0.000,50", "1.2345", "-5", "12 euro", "1,2,3", ""})
    void refusesWhatCannotBeAnAmount(String typed) {
        assertTrue(TypedInput.amount(typed).isEmpty(), typed);
    }
}
