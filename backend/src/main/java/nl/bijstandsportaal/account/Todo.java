package nl.bijstandsportaal.account;

import nl.bijstandsportaal.platform.i18n.Text;

import java.time.LocalDate;

/**
 * One thing on a citizen's to-do list ("Dit moet je doen", ADR 0036): what to do in plain words, by when, how it
 * stands, and where to do it on the web and in the app. Capabilities that ask something of a citizen write these
 * ({@link TodoSource}); the home page and {@code GET /api/v1/taken} show them without knowing those capabilities.
 *
 * @param id       stable over time: kind and the public id of what it is about ("inkomsten/2026-11")
 * @param kind     what sort of thing it is; the app shows an icon per kind
 * @param title    what to do ("Geef je inkomsten van november 2026 door")
 * @param deadline the last day (null: no deadline, such as reading a message)
 * @param state    to do now, too late, or coming (cannot be done yet, or planned)
 * @param webLink  the page where it is done
 * @param apiLink  the API path where the app reads it
 * @param action   the words of the link ("Geef door")
 */
public record Todo(String id, Kind kind, Text title, LocalDate deadline, State state, String webLink, String apiLink, Text action) {

    /** The sort of thing; the same words and icon everywhere. */
    public enum Kind { INKOMSTEN, DOCUMENT, AANVRAAG, BERICHT, AFSPRAAK }

    /** How it stands: one word pair that cannot be misread ("Nu doen", "Te laat", "Komt nog"). */
    public enum State {
        OPEN("open"), TE_LAAT("te-laat"), KOMT_NOG("komt-nog");

        private final String api;

        State(String api) {
            this.api = api;
        }

        /** As the API writes it. */
        public String api() {
            return api;
        }
    }

    /** Still to do (now or late), not only coming. */
    public boolean due() {
        return state != State.KOMT_NOG;
    }
}
