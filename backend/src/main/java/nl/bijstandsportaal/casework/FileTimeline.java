package nl.bijstandsportaal.casework;

import jakarta.inject.Singleton;
import nl.bijstandsportaal.account.AccountRepository;
import nl.bijstandsportaal.appointments.Appointments;
import nl.bijstandsportaal.conversations.Conversations;
import nl.bijstandsportaal.documents.DocumentRequests;
import nl.bijstandsportaal.notifications.InboxService;
import nl.bijstandsportaal.platform.i18n.Messages;
import nl.bijstandsportaal.platform.i18n.Text;
import nl.bijstandsportaal.platform.security.CurrentUser;
import org.jooq.DSLContext;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import static nl.bijstandsportaal.platform.db.generated.Tables.AANVRAAG;
import static nl.bijstandsportaal.platform.db.generated.Tables.INKOMSTENOPGAVE;
import static nl.bijstandsportaal.platform.db.generated.Tables.INKOMSTENOPGAVE_GEBEURTENIS;
import static nl.bijstandsportaal.platform.db.generated.Tables.MEDEWERKER;
import static nl.bijstandsportaal.platform.db.generated.Tables.WIJZIGING;
import static nl.bijstandsportaal.platform.db.generated.Tables.WIJZIGING_GEBEURTENIS;

/**
 * One timeline of everything in a citizen's file, newest first: income reports with every version and step, reported
 * changes, applications and their decisions, document requests with every step, every message both ways, appointments,
 * and every notification sent with how it went out. Each part read through its own capability where it offers it.
 */
@Singleton
public class FileTimeline {

    /** At most this many entries: a file of years shows its latest. */
    static final int LIMIT = 400;

    private final AccountRepository accounts;
    private final DocumentRequests documents;
    private final Conversations conversations;
    private final InboxService inbox;
    private final DSLContext db;

    FileTimeline(AccountRepository accounts, DocumentRequests documents, Conversations conversations,
                 InboxService inbox, DSLContext db) {
        this.accounts = accounts;
        this.documents = documents;
        this.conversations = conversations;
        this.inbox = inbox;
        this.db = db;
    }

    /**
     * One event. {@code kind}: the part of the file (INKOMSTEN, WIJZIGING, AANVRAAG, DOCUMENT, BERICHT, AFSPRAAK,
     * MELDING); {@code by}: who did it (null: the citizen or the portal); {@code detail}: words typed by someone, whole.
     */
    public record Entry(Instant at, String kind, Text what, String by, String detail, String link) {
        public Text kindText() {
            return Text.of("timeline.kind." + kind);
        }
    }

    public List<Entry> of(CurrentUser consulent, long burgerId) {
        long citizen = accounts.citizenFor(consulent, burgerId).id();
        String file = "/consulent/burgers/" + citizen;
        List<Entry> entries = new ArrayList<>();
        db.select(INKOMSTENOPGAVE_GEBEURTENIS.OP, INKOMSTENOPGAVE_GEBEURTENIS.SOORT, INKOMSTENOPGAVE_GEBEURTENIS.VERSIE,
                        INKOMSTENOPGAVE_GEBEURTENIS.TOELICHTING, MEDEWERKER.NAAM, INKOMSTENOPGAVE.KENMERK, INKOMSTENOPGAVE.PERIODE_CODE,
                        INKOMSTENOPGAVE.PERIODE_VAN, INKOMSTENOPGAVE.PERIODE_TOT)
                .from(INKOMSTENOPGAVE_GEBEURTENIS).join(INKOMSTENOPGAVE).on(INKOMSTENOPGAVE.ID.eq(INKOMSTENOPGAVE_GEBEURTENIS.OPGAVE_ID))
                .leftJoin(MEDEWERKER).on(MEDEWERKER.ID.eq(INKOMSTENOPGAVE_GEBEURTENIS.MEDEWERKER_ID))
                .where(INKOMSTENOPGAVE.BURGER_ID.eq(citizen))
                .forEach(r -> entries.add(new Entry(utc(r.value1()), "INKOMSTEN",
                        Text.of("timeline.income." + r.value2(), r.value8(), r.value9(), r.value6(), r.value3(), time(utc(r.value1()))), r.value5(), r.value4(),
                        file + "/inkomsten/" + r.value7())));
        db.select(WIJZIGING.INGEDIEND_OP, WIJZIGING.SOORT, WIJZIGING.DATUM, WIJZIGING.KENMERK, WIJZIGING.STATUS, WIJZIGING.TOELICHTING)
                .from(WIJZIGING).where(WIJZIGING.BURGER_ID.eq(citizen))
                .forEach(r -> entries.add(new Entry(utc(r.value1()), "WIJZIGING",
                        Text.of("timeline.change", Text.of("change.kind." + r.value2()), r.value3(), r.value4(), Text.of("change.status." + r.value5())),
                        null, r.value6(), file + "#wijzigingen-titel")));
        // Proof the citizen deleted from a change she sent, while nobody had started on it (ADR 0055).
        db.select(WIJZIGING_GEBEURTENIS.OP, WIJZIGING_GEBEURTENIS.SOORT, WIJZIGING_GEBEURTENIS.BESTANDSNAAM, WIJZIGING.SOORT, WIJZIGING.KENMERK)
                .from(WIJZIGING_GEBEURTENIS).join(WIJZIGING).on(WIJZIGING.ID.eq(WIJZIGING_GEBEURTENIS.WIJZIGING_ID))
                .where(WIJZIGING.BURGER_ID.eq(citizen))
                .forEach(r -> entries.add(new Entry(utc(r.value1()), "WIJZIGING", Text.of("timeline.change." + r.value2(),
                        Text.of("change.kind." + r.value4()), r.value5(), r.value3(), time(utc(r.value1()))), null, null, file + "#wijzigingen-titel")));
        db.select(AANVRAAG.PUBLIC_ID, AANVRAAG.REGELING, AANVRAAG.KENMERK, AANVRAAG.VERSTUURD_OP, AANVRAAG.BESLOTEN_OP, AANVRAAG.BESLUIT,
                        AANVRAAG.BESLUIT_REDEN, MEDEWERKER.NAAM)
                .from(AANVRAAG).leftJoin(MEDEWERKER).on(MEDEWERKER.ID.eq(AANVRAAG.BESLOTEN_DOOR))
                .where(AANVRAAG.BURGER_ID.eq(citizen)).and(AANVRAAG.VERSTUURD_OP.isNotNull())
                .forEach(r -> {
                    Text regeling = Text.of("regelingen." + nl.bijstandsportaal.regelingen.Regeling.valueOf(r.value2()).code() + ".naam");
                    String link = "/consulent/aanvragen/" + r.value1();
                    entries.add(new Entry(utc(r.value4()), "AANVRAAG", Text.of("timeline.application.sent", regeling, r.value3()), null, null, link));
                    if (r.value5() != null) {
                        entries.add(new Entry(utc(r.value5()), "AANVRAAG", Text.of("timeline.application.decided", regeling, r.value3(),
                                Text.of("consulent.aanvraag.review.besluit." + r.value6())), r.value8(), r.value7(), link));
                    }
                });
        for (DocumentRequests.Step step : documents.stepsOf(citizen)) {
            // {3}: the time of day, for a step the citizen took herself (a file deleted, ADR 0055).
            String time = time(step.at());
            entries.add(new Entry(step.at(), "DOCUMENT", Text.of("timeline.document." + step.kind().name(), step.what(),
                    step.newDeadline() == null ? "" : step.newDeadline(), step.fileName() == null ? "" : step.fileName(), time),
                    step.by(), step.text(), file + "#documenten-titel"));
        }
        for (Conversations.Thread thread : conversations.forConsulent(consulent, citizen)) {
            String subject = thread.subject() != null ? thread.subject() : thread.task() != null ? thread.task().what()
                    : thread.meeting() != null ? thread.meeting().appointment().about() : "";
            for (Conversations.Message m : thread.messages()) {
                entries.add(new Entry(m.sentAt(), "BERICHT", Text.of(m.fromCitizen() ? "timeline.message.citizen" : "timeline.message.employee",
                        subject, m.attachments().size()), m.author(), m.text(), file + "/gesprekken/" + thread.id()));
            }
            if (thread.meeting() != null) {
                // Every step of an appointment (ADR 0032): planned, moved, answered, reminded, called off, the outcome.
                Appointments.Appointment a = thread.meeting().appointment();
                for (Appointments.Step step : thread.meeting().steps()) {
                    java.time.LocalDate day = (step.start() != null ? step.start() : a.start()).atZone(nl.bijstandsportaal.platform.time.Today.DUTCH_TIME).toLocalDate();
                    entries.add(new Entry(step.at(), "AFSPRAAK", Text.of("timeline.appointment." + step.kind().name(), a.about(), day), step.by(),
                            step.text(), file + "/gesprekken/" + thread.id()));
                }
            }
        }
        for (InboxService.Sent sent : inbox.sentTo(citizen, Messages.DUTCH)) {
            String how = sent.deliveries().stream().map(d -> d.channel() + ": " + d.status().toLowerCase(java.util.Locale.ROOT))
                    .collect(Collectors.joining(", "));
            Text channels = how.isEmpty() ? Text.of("timeline.notification.inboxOnly") : Text.of("timeline.notification.channels", how);
            entries.add(new Entry(sent.item().createdAt(), "MELDING", Text.of(sent.item().read() ? "timeline.notification.read"
                    : "timeline.notification.unread", channels), null, sent.item().text(), null));
        }
        entries.sort(Comparator.comparing(Entry::at).reversed());
        return entries.size() > LIMIT ? List.copyOf(entries.subList(0, LIMIT)) : List.copyOf(entries);
    }

    /** The time of day in the Netherlands, "14:05": for a step the citizen took herself (a file deleted, ADR 0055). */
    private static String time(Instant at) {
        return at.atZone(nl.bijstandsportaal.platform.time.Today.DUTCH_TIME).toLocalTime().format(java.time.format.DateTimeFormatter.ofPattern("HH:mm"));
    }

    private static Instant utc(java.time.LocalDateTime at) {
        return at.toInstant(ZoneOffset.UTC);
    }
}
