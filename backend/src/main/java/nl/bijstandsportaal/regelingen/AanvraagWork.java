package nl.bijstandsportaal.regelingen;

import jakarta.inject.Singleton;
import nl.bijstandsportaal.platform.i18n.Text;
import nl.bijstandsportaal.rules.RuleBook;
import nl.bijstandsportaal.rules.RuleKey;
import nl.bijstandsportaal.rules.RulesService;
import nl.bijstandsportaal.worklist.WorkItem;
import nl.bijstandsportaal.worklist.WorkKind;
import nl.bijstandsportaal.worklist.WorkSource;
import org.jooq.DSLContext;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static nl.bijstandsportaal.platform.db.generated.Tables.AANVRAAG;
import static nl.bijstandsportaal.platform.db.generated.Tables.BURGER;

/**
 * Applications in the work list: sent and not decided (by the legal clock, paused while the citizen completes it),
 * a proposed decision for a second employee (never the one who proposed it), and a new bezwaar (by the Awb term to
 * decide on it, art. 7:10).
 */
@Singleton
class AanvraagWork implements WorkSource {

    private final AanvraagRepository repository;
    private final AanvraagService applications;
    private final RulesService rules;
    private final DSLContext db;

    AanvraagWork(AanvraagRepository repository, AanvraagService applications, RulesService rules, DSLContext db) {
        this.repository = repository;
        this.applications = applications;
        this.rules = rules;
        this.db = db;
    }

    @Override
    public java.util.Set<String> tables() {
        return java.util.Set.of("aanvraag", "bezwaar", "documentverzoek", "burger");
    }

    @Override
    public List<WorkItem> open(long gemeenteId, String gemeente, LocalDate today) {
        List<AanvraagRepository.SentRow> rows = repository.sent(gemeente).stream()
                .filter(r -> !AanvraagRepository.BESLOTEN.equals(r.status()) || r.bezwaar() == AanvraagRepository.Bezwaar.NEW).toList();
        Map<Long, List<Termijnen.Herstel>> herstel = repository.herstel(rows.stream()
                .filter(r -> !AanvraagRepository.BESLOTEN.equals(r.status())).map(AanvraagRepository.SentRow::id).toList());
        RuleBook book = rules.book();
        List<WorkItem> items = new ArrayList<>();
        for (AanvraagRepository.SentRow row : rows) {
            Regeling regeling = Regeling.valueOf(row.regeling());
            Text what = Text.of("worklist.what.aanvraag", Text.of("regelingen." + regeling.code() + ".naam"), row.kenmerk());
            String link = "/consulent/aanvragen/" + row.publicId();
            if (AanvraagRepository.BESLOTEN.equals(row.status())) {
                LocalDate decidedOn = row.decidedAt().atZone(nl.bijstandsportaal.platform.time.Today.DUTCH_TIME).toLocalDate();
                int term = book.find(RuleKey.AWB_BEZWAARTERMIJN_WEKEN, gemeente, decidedOn).map(p -> p.value().intValue()).orElse(6);
                int decide = book.find(RuleKey.AWB_BEZWAAR_BESLISTERMIJN_WEKEN, gemeente, decidedOn).map(p -> p.value().intValue()).orElse(6);
                LocalDate due = Termijnen.nextWorkingDay(Termijnen.bezwaarUntil(decidedOn, term).plusWeeks(decide));
                items.add(new WorkItem("bezwaar/" + row.publicId(), WorkKind.BEZWAAR, row.burgerId(), row.bezwaarMadeAt(), due, null,
                        Text.of("worklist.what.bezwaar", Text.of("regelingen." + regeling.code() + ".naam"), row.kenmerk()), link));
                continue;
            }
            List<Termijnen.Herstel> asked = herstel.getOrDefault(row.id(), List.of());
            Termijnen.Clock clock = applications.decisionClock(regeling, gemeente, row.sentAt(), asked, row.verdaging(), today);
            LocalDate waitingUntil = clock.paused() ? asked.stream().filter(h -> h.open(today)).map(Termijnen.Herstel::dueBy)
                    .max(LocalDate::compareTo).orElse(null) : null;
            boolean proposal = AanvraagRepository.VOORGESTELD.equals(row.status());
            items.add(new WorkItem((proposal ? "akkoord/" : "aanvraag/") + row.publicId(), proposal ? WorkKind.AKKOORD : WorkKind.AANVRAAG,
                    row.burgerId(), row.sentAt(), clock.deadline(), waitingUntil, what, link, proposal ? row.proposedBy() : null));
        }
        return items;
    }

    @Override
    public List<Handled> handled(long gemeenteId, Instant since) {
        return db.select(AANVRAAG.VERSTUURD_OP, AANVRAAG.BESLOTEN_OP, AANVRAAG.BESLOTEN_DOOR)
                .from(AANVRAAG).join(BURGER).on(BURGER.ID.eq(AANVRAAG.BURGER_ID))
                .where(BURGER.GEMEENTE_ID.eq(gemeenteId)).and(AANVRAAG.BESLOTEN_OP.ge(since.atOffset(ZoneOffset.UTC).toLocalDateTime()))
                .and(AANVRAAG.VERSTUURD_OP.isNotNull())
                .fetch(r -> new Handled(WorkKind.AANVRAAG, r.value1().toInstant(ZoneOffset.UTC), r.value2().toInstant(ZoneOffset.UTC), r.value3()));
    }
}
