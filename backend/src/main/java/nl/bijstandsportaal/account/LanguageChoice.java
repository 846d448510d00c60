package nl.bijstandsportaal.account;

import jakarta.inject.Singleton;
import nl.bijstandsportaal.platform.i18n.Messages;
import org.jooq.DSLContext;

import java.util.Locale;
import java.util.Optional;

import static nl.bijstandsportaal.platform.db.generated.Tables.BURGER;

/** The language a citizen chose, remembered for pushes, e-mails and their next device (ADR 0038). */
@Singleton
public class LanguageChoice {

    private final DSLContext db;

    LanguageChoice(DSLContext db) {
        this.db = db;
    }

    /** One of Messages.SUPPORTED by its code ("tr"), or empty. */
    public static Optional<Locale> parse(String code) {
        if (code == null) {
            return Optional.empty();
        }
        return Messages.SUPPORTED.stream().filter(l -> l.getLanguage().equals(code.strip().toLowerCase(Locale.ROOT))).findFirst();
    }

    public void remember(long burgerId, Locale language) {
        db.update(BURGER).set(BURGER.TAAL, Messages.supported(language).getLanguage()).where(BURGER.ID.eq(burgerId)).execute();
    }

    /** The chosen language (empty: never chosen). */
    public Optional<Locale> of(long burgerId) {
        return parse(db.select(BURGER.TAAL).from(BURGER).where(BURGER.ID.eq(burgerId)).fetchOptional(BURGER.TAAL).orElse(null));
    }
}
