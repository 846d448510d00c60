package nl.bijstandsportaal.notifications;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The arguments of a message's text, stored as a JSON array of strings (melding.argumenten). Dates are stored as
 * ISO dates and come back as {@link LocalDate}, so the inbox shows them in the reader's language.
 */
@Singleton
public class MessageArguments {

    private final JsonMapper json;

    MessageArguments(JsonMapper json) {
        this.json = json;
    }

    public String of(List<?> values) {
        List<String> strings = new ArrayList<>(values.size());
        for (Object value : values) {
            strings.add(String.valueOf(value));
        }
        try {
            return json.writeValueAsString(strings);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The arguments to format the text with: ISO dates as LocalDate, the rest as text. */
    public Object[] read(String stored) {
        if (stored == null || stored.isBlank()) {
            return new Object[0];
        }
        try {
            List<String> strings = json.readValue(stored, Argument.listOf(String.class));
            Object[] values = new Object[strings.size()];
            for (int i = 0; i < values.length; i++) {
                String s = strings.get(i);
                values[i] = s != null && s.matches("\\d{4}-\\d{2}-\\d{2}") ? LocalDate.parse(s) : s;
            }
            return values;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
