package nl.bijstandsportaal.appointments;

import jakarta.inject.Singleton;
import nl.bijstandsportaal.platform.i18n.Text;
import nl.bijstandsportaal.platform.time.Today;
import nl.bijstandsportaal.regelingen.Termijnen;
import nl.bijstandsportaal.rules.RuleBook;
import nl.bijstandsportaal.rules.RuleKey;
import nl.bijstandsportaal.rules.RulesService;
import nl.bijstandsportaal.worklist.WorkItem;
import nl.bijstandsportaal.worklist.WorkKind;
import nl.bijstandsportaal.worklist.WorkSource;
import org.jooq.DSLContext;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static nl.bijstandsportaal.platform.db.generated.Tables.AFSPRAAK;
import static nl.bijstandsportaal.platform.db.generated.Tables.BURGER;
import static nl.bijstandsportaal.platform.db.generated.Tables.GESPREKSVERZOEK;

/**
 * Appointments in the work list: a citizen who asks for another time (to move before the appointment), a citizen who
 * asks for a conversation (by the reply time, gesprek.antwoord_werkdagen), and an appointment that took place without
 * its outcome recorded (came or not, within werklijst.afspraak_vastleggen_dagen).
 */
@Singleton
class AppointmentWork implements WorkSource {

    private final DSLContext db;
    private final RulesService rules;
    private final Clock clock;

    AppointmentWork(DSLContext db, RulesService rules, Clock clock) {
        this.db = db;
        this.rules = rules;
        this.clock = clock;
    }

    @Override
    public Set<String> tables() {
        return Set.of("afspraak", "gespreksverzoek", "burger");
    }

    @Override
    public List<WorkItem> open(long gemeenteId, String gemeente, LocalDate today) {
        RuleBook book = rules.book();
        int record = book.value(RuleKey.WERKLIJST_AFSPRAAK_VASTLEGGEN_DAGEN, gemeente, today).intValueExact();
        int reply = book.value(RuleKey.GESPREK_ANTWOORD_WERKDAGEN, gemeente, today).intValueExact();
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        List<WorkItem> items = new ArrayList<>();
        db.select(AFSPRAAK.BURGER_ID, AFSPRAAK.PUBLIC_ID, AFSPRAAK.ONDERWERP, AFSPRAAK.BEGINT_OP, AFSPRAAK.DUUR_MINUTEN,
                        AFSPRAAK.ANTWOORD, AFSPRAAK.ANTWOORD_OP)
                .from(AFSPRAAK).join(BURGER).on(BURGER.ID.eq(AFSPRAAK.BURGER_ID))
                .where(BURGER.GEMEENTE_ID.eq(gemeenteId)).and(AFSPRAAK.STATUS.eq("GEPLAND"))
                .and(AFSPRAAK.ANTWOORD.eq("ANDERE_TIJD").and(AFSPRAAK.BEGINT_OP.gt(now)).or(AFSPRAAK.BEGINT_OP.le(now)))
                .forEach(r -> {
                    Instant starts = r.value4().toInstant(ZoneOffset.UTC);
                    LocalDate day = starts.atZone(Today.DUTCH_TIME).toLocalDate();
                    String link = "/consulent/burgers/" + r.value1() + "#afspraken-titel";
                    if (r.value4().plusMinutes(r.value5()).isAfter(now)) {
                        // Not over yet, so it is here because the citizen asks for another time: to be moved before it starts.
                        items.add(new WorkItem("afspraak-verzetten/" + r.value2(), WorkKind.AFSPRAAK, r.value1(),
                                r.value7() == null ? starts : r.value7().toInstant(ZoneOffset.UTC), day, null,
                                Text.of("worklist.what.appointmentMove", r.value3(), day, time(starts)), link));
                    } else {
                        items.add(new WorkItem("afspraak-uitkomst/" + r.value2(), WorkKind.AFSPRAAK, r.value1(), starts,
                                day.plusDays(record), null, Text.of("worklist.what.appointmentOutcome", r.value3(), day, time(starts)), link));
                    }
                });
        db.select(GESPREKSVERZOEK.BURGER_ID, GESPREKSVERZOEK.PUBLIC_ID, GESPREKSVERZOEK.ONDERWERP, GESPREKSVERZOEK.GEVRAAGD_OP)
                .from(GESPREKSVERZOEK).join(BURGER).on(BURGER.ID.eq(GESPREKSVERZOEK.BURGER_ID))
                .where(BURGER.GEMEENTE_ID.eq(gemeenteId)).and(GESPREKSVERZOEK.STATUS.eq("OPEN"))
                .forEach(r -> {
                    Instant asked = r.value4().toInstant(ZoneOffset.UTC);
                    LocalDate due = Termijnen.workingDaysAfter(asked.atZone(Today.DUTCH_TIME).toLocalDate(), reply);
                    items.add(new WorkItem("gespreksverzoek/" + r.value2(), WorkKind.AFSPRAAK, r.value1(), asked, due, null,
                            Text.of("worklist.what.conversationRequest", r.value3()), "/consulent/burgers/" + r.value1() + "#gespreksverzoeken-titel"));
                });
        return items;
    }

    private static String time(Instant at) {
        return at.atZone(Today.DUTCH_TIME).toLocalTime().format(java.time.format.DateTimeFormatter.ofPattern("HH:mm"));
    }
}
