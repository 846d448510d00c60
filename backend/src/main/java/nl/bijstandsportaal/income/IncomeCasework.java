package nl.bijstandsportaal.income;

import jakarta.inject.Singleton;
import nl.bijstandsportaal.account.AccountRepository;
import nl.bijstandsportaal.account.CitizenProfile;
import nl.bijstandsportaal.notifications.MessageArguments;
import nl.bijstandsportaal.notifications.Outbox;
import nl.bijstandsportaal.notifications.Topic;
import nl.bijstandsportaal.platform.audit.AuditLog;
import nl.bijstandsportaal.platform.i18n.Text;
import nl.bijstandsportaal.platform.i18n.TypedInput;
import nl.bijstandsportaal.platform.security.CurrentUser;
import nl.bijstandsportaal.platform.web.Download;
import nl.bijstandsportaal.platform.web.NotFoundException;
import org.jooq.DSLContext;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static nl.bijstandsportaal.platform.db.generated.Tables.INKOMSTENBRON;
import static nl.bijstandsportaal.platform.db.generated.Tables.INKOMSTENOPGAVE;
import static nl.bijstandsportaal.platform.db.generated.Tables.INKOMSTENOPGAVE_BIJLAGE;

/**
 * The consulent's side of income reports (minimal; the workspace issue builds the inbox): the reports of a citizen
 * of their own municipality, one report with its proof, the amounts to count (a different amount needs a reason
 * the citizen sees), and marking it as being processed or processed. Everything is audited.
 */
@Singleton
public class IncomeCasework {

    private final AccountRepository accounts;
    private final IncomeRepository repository;
    private final AuditLog audit;
    private final Outbox outbox;
    private final MessageArguments arguments;
    private final DSLContext db;
    private final Clock clock;

    IncomeCasework(AccountRepository accounts, IncomeRepository repository, AuditLog audit, Outbox outbox,
                   MessageArguments arguments, DSLContext db, Clock clock, nl.bijstandsportaal.platform.atrest.DataKeys keys) {
        this.keys = keys;
        this.accounts = accounts;
        this.outbox = outbox;
        this.arguments = arguments;
        this.repository = repository;
        this.audit = audit;
        this.db = db;
        this.clock = clock;
    }

    public record ReportFile(CitizenProfile citizen, IncomeRepository.Report report, List<IncomeRepository.SourceRow> sources,
                             List<IncomeRepository.Event> timeline, Map<Long, String> proof) {
    }

    /** The citizen's reports, newest period first. */
    public List<IncomeRepository.Report> reports(CurrentUser consulent, long burgerId) {
        CitizenProfile citizen = accounts.citizenFor(consulent, burgerId);
        return db.selectFrom(INKOMSTENOPGAVE).where(INKOMSTENOPGAVE.BURGER_ID.eq(citizen.id()))
                .orderBy(INKOMSTENOPGAVE.PERIODE_VAN.desc()).limit(24)
                .fetch(r -> repository.reportByPeriod(citizen.id(), r.getPeriodeCode()).orElseThrow());
    }

    public ReportFile open(CurrentUser consulent, long burgerId, String periodCode) {
        CitizenProfile citizen = accounts.citizenFor(consulent, burgerId);
        IncomeRepository.Report report = repository.reportByPeriod(citizen.id(), periodCode).orElseThrow(NotFoundException::new);
        audit.record(consulent.id(), citizen.id(), "INKOMSTENOPGAVE_GEOPEND", "Inkomstenopgave " + report.kenmerk() + " geopend");
        Map<Long, String> proof = new LinkedHashMap<>();
        db.select(INKOMSTENOPGAVE_BIJLAGE.ID, INKOMSTENOPGAVE_BIJLAGE.BESTANDSNAAM).from(INKOMSTENOPGAVE_BIJLAGE)
                .where(INKOMSTENOPGAVE_BIJLAGE.OPGAVE_ID.eq(report.id())).orderBy(INKOMSTENOPGAVE_BIJLAGE.ID)
                .forEach(r -> proof.put(r.value1(), r.value2()));
        return new ReportFile(citizen, report, repository.sources(report.id(), report.version()), repository.timeline(report.id()), proof);
    }

    /**
     * The amounts to count per source (as typed; empty = as reported) with their reasons, and the new status
     * (IN_BEHANDELING or VERWERKT). Errors per field ({@code vastgesteld.N}, {@code reden.N}); nothing is stored then.
     */
    public Map<String, Text> decide(CurrentUser consulent, long burgerId, String periodCode, Map<String, String> form, String status) {
        CitizenProfile citizen = accounts.citizenFor(consulent, burgerId);
        IncomeRepository.Report report = repository.reportByPeriod(citizen.id(), periodCode).orElseThrow(NotFoundException::new);
        List<IncomeRepository.SourceRow> sources = repository.sources(report.id(), report.version());
        Map<String, Text> errors = new LinkedHashMap<>();
        Map<Integer, BigDecimal> counted = new LinkedHashMap<>();
        Map<Integer, String> reasons = new LinkedHashMap<>();
        for (int i = 0; i < sources.size(); i++) {
            String typed = form.getOrDefault("vastgesteld." + i, "").strip();
            String reason = form.getOrDefault("reden." + i, "").strip();
            if (typed.isEmpty()) {
                continue;
            }
            Optional<BigDecimal> amount = TypedInput.amount(typed);
            if (amount.isEmpty()) {
                errors.put("vastgesteld." + i, Text.of("consulent.income.error.amount", i + 1));
                continue;
            }
            if (amount.get().compareTo(sources.get(i).net()) != 0) {
                if (reason.isEmpty()) {
                    errors.put("reden." + i, Text.of("consulent.income.error.reason", i + 1));
                    continue;
                }
                if (reason.length() > 500) {
                    errors.put("reden." + i, Text.of("consulent.income.error.reasonTooLong", i + 1, 500));
                    continue;
                }
                counted.put(i, amount.get());
                reasons.put(i, reason);
            }
        }
        if (!List.of("IN_BEHANDELING", "VERWERKT").contains(status)) {
            errors.put("status", Text.of("consulent.income.error.status"));
        }
        if (!errors.isEmpty()) {
            return errors;
        }
        LocalDateTime now = LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
        db.transaction(tx -> {
            DSLContext t = tx.dsl();
            for (var entry : counted.entrySet()) {
                t.update(INKOMSTENBRON)
                        .set(INKOMSTENBRON.VASTGESTELD_NETTO, entry.getValue())
                        .set(INKOMSTENBRON.VASTGESTELD_REDEN, reasons.get(entry.getKey()))
                        .where(INKOMSTENBRON.OPGAVE_ID.eq(report.id())).and(INKOMSTENBRON.VERSIE.eq(report.version()))
                        .and(INKOMSTENBRON.VOLGORDE.eq(entry.getKey()))
                        .execute();
                repository.event(t, report.id(), "BEDRAG_AANGEPAST", report.version(), reasons.get(entry.getKey()), consulent.id(), now);
            }
            t.update(INKOMSTENOPGAVE).set(INKOMSTENOPGAVE.STATUS, status).set(INKOMSTENOPGAVE.GEWIJZIGD_OP, now)
                    .where(INKOMSTENOPGAVE.ID.eq(report.id())).execute();
            if (!status.equals(report.status())) {
                repository.event(t, report.id(), status, report.version(), null, consulent.id(), now);
            }
            tellCitizen(t, citizen.id(), report, status, !counted.isEmpty(), now);
            audit.record(t, consulent.id(), citizen.id(), "INKOMSTENOPGAVE_BEOORDEELD",
                    "Inkomstenopgave " + report.kenmerk() + ": " + status + (counted.isEmpty() ? "" : ", " + counted.size() + " bedrag(en) aangepast"));
        });
        return Map.of();
    }

    /**
     * A message for the citizen, in the same transaction as the decision: when the status changes (once per version
     * and status), and every time amounts are changed (the reason is on the period's page).
     */
    private void tellCitizen(DSLContext t, long burgerId, IncomeRepository.Report report, String status, boolean amountsChanged,
                             LocalDateTime now) {
        boolean statusChanged = !status.equals(report.status());
        if (!statusChanged && !amountsChanged) {
            return;
        }
        String key = "inkomsten/" + report.periodCode() + "/v" + report.version() + "/" + status.toLowerCase(java.util.Locale.ROOT)
                + (amountsChanged ? "/aangepast-" + now.toInstant(ZoneOffset.UTC).toEpochMilli() : "");
        String text = "notification.income.status." + status + (amountsChanged ? ".changed" : "");
        outbox.write(t, new Outbox.Message(burgerId, Topic.STATUS, key, text, arguments.of(List.of(report.from(), report.to())),
                "/inkomsten/" + report.periodCode()), now.toInstant(ZoneOffset.UTC));
    }

    /** Proof of a report of a citizen of this municipality; every download is audited. */
    public Optional<Download> proof(CurrentUser consulent, long burgerId, String periodCode, long bijlageId) {
        CitizenProfile citizen = accounts.citizenFor(consulent, burgerId);
        IncomeRepository.Report report = repository.reportByPeriod(citizen.id(), periodCode).orElseThrow(NotFoundException::new);
        var row = db.select(INKOMSTENOPGAVE_BIJLAGE.BESTANDSNAAM, INKOMSTENOPGAVE_BIJLAGE.CONTENT_TYPE, INKOMSTENOPGAVE_BIJLAGE.INHOUD).from(INKOMSTENOPGAVE_BIJLAGE)
                .where(INKOMSTENOPGAVE_BIJLAGE.ID.eq(bijlageId)).and(INKOMSTENOPGAVE_BIJLAGE.OPGAVE_ID.eq(report.id())).fetchOne();
        if (row == null) {
            return Optional.empty();
        }
        audit.record(consulent.id(), citizen.id(), "BEWIJS_BEKEKEN", "Bewijs bij inkomstenopgave " + report.kenmerk() + " geopend");
        return Optional.of(new Download(row.value1(), row.value2(), nl.bijstandsportaal.platform.atrest.AtRestColumns.INCOME_PROOF.open(keys, row.value3())));
    }

    private final nl.bijstandsportaal.platform.atrest.DataKeys keys;
}
