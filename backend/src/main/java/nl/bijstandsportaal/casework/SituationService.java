package nl.bijstandsportaal.casework;

import nl.bijstandsportaal.platform.time.Today;
import jakarta.inject.Singleton;
import nl.bijstandsportaal.casework.SituationForm.Change;
import nl.bijstandsportaal.casework.SituationForm.Current;
import nl.bijstandsportaal.casework.SituationForm.CurrentMember;
import nl.bijstandsportaal.casework.SituationForm.DutyState;
import nl.bijstandsportaal.casework.SituationForm.Plicht;
import nl.bijstandsportaal.platform.audit.AuditLog;
import nl.bijstandsportaal.platform.i18n.Text;
import nl.bijstandsportaal.platform.security.CurrentUser;
import nl.bijstandsportaal.platform.web.NotFoundException;
import org.jooq.DSLContext;
import org.jooq.Record;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import static nl.bijstandsportaal.platform.db.generated.Tables.BURGER;
import static nl.bijstandsportaal.platform.db.generated.Tables.BURGER_PLICHT;
import static nl.bijstandsportaal.platform.db.generated.Tables.HUISHOUDLID;

/**
 * A consulent changes a citizen's situation (leefvorm, institution, household) and duties with any ontheffing.
 * Only citizens of the consulent's own municipality exist for them (else 404). Opening the form and saving are
 * audited; a save and its audit entry commit together. Audit details name fields and codes, never personal data.
 */
@Singleton
public class SituationService {

    public static final String SITUATION_OPENED = "SITUATIE_GEOPEND";
    public static final String SITUATION_CHANGED = "SITUATIE_GEWIJZIGD";
    public static final String SITUATION_REJECTED = "SITUATIE_NIET_OPGESLAGEN";

    private final DSLContext db;
    private final AuditLog audit;
    private final Clock clock;

    private final nl.bijstandsportaal.account.AccountRepository accounts;

    SituationService(DSLContext db, AuditLog audit, Clock clock, nl.bijstandsportaal.account.AccountRepository accounts) {
        this.accounts = accounts;
        this.db = db;
        this.audit = audit;
        this.clock = clock;
    }

    /** The result of a save: saved, or the field errors with the situation as stored, to show the form again. */
    public record Saved(Current current, Map<String, Text> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    /** The situation as stored, recorded in the audit trail. */
    public Current open(CurrentUser consulent, long burgerId) {
        requireTeam(consulent, burgerId);
        Current current = load(db, burgerId, consulent.gemeenteId(), false).orElseThrow(NotFoundException::new);
        audit.record(consulent.id(), burgerId, SITUATION_OPENED, "Situatie en plichten geopend");
        return current;
    }

    /**
     * Checks and saves the form in one transaction, with the citizen's row locked so two saves do not mix. A form
     * with errors changes nothing; that it was shown again is audited too (it shows the household).
     */
    public Saved save(CurrentUser consulent, long burgerId, SituationForm form) {
        LocalDate today = Today.in(clock);
        return db.transactionResult(configuration -> {
            DSLContext tx = configuration.dsl();
            requireTeam(consulent, burgerId);
            Current current = load(tx, burgerId, consulent.gemeenteId(), true).orElseThrow(NotFoundException::new);
            SituationForm.Checked checked = SituationForm.check(form, today, current.members());
            if (!checked.ok()) {
                audit.record(tx, consulent.id(), burgerId, SITUATION_REJECTED,
                        "Situatie niet opgeslagen, invoer niet goed: " + String.join(", ", checked.errors().keySet()));
                return new Saved(current, checked.errors());
            }
            List<String> changed = apply(tx, consulent, current, checked.change());
            audit.record(tx, consulent.id(), burgerId, SITUATION_CHANGED, changed.isEmpty()
                    ? "Situatie opgeslagen zonder wijzigingen" : "Situatie gewijzigd: " + String.join(", ", changed));
            return new Saved(current, Map.of());
        });
    }

    /** Writes what differs from {@code current}; returns in words (codes and ids only) what changed. */
    private List<String> apply(DSLContext tx, CurrentUser consulent, Current current, Change change) {
        List<String> changed = new ArrayList<>();
        long burgerId = current.burgerId();
        if (!change.leefvorm().name().equals(current.leefvorm())) {
            changed.add("leefvorm");
        }
        if (change.inInrichting() != current.inInrichting()) {
            changed.add("in inrichting");
        }
        if (!changed.isEmpty()) {
            tx.update(BURGER)
                    .set(BURGER.LEEFVORM, change.leefvorm().name())
                    .set(BURGER.IN_INRICHTING, change.inInrichting())
                    .where(BURGER.ID.eq(burgerId))
                    .execute();
        }

        for (CurrentMember member : current.members()) {
            if (change.removed().contains(member.id())) {
                tx.deleteFrom(HUISHOUDLID).where(HUISHOUDLID.ID.eq(member.id())).and(HUISHOUDLID.BURGER_ID.eq(burgerId)).execute();
                changed.add("huishoudlid " + member.id() + " verwijderd");
                continue;
            }
            SituationForm.Status status = change.statuses().get(member.id());
            if (status != null && !status.name().equals(member.status())) {
                tx.update(HUISHOUDLID).set(HUISHOUDLID.STATUS, status.name())
                        .where(HUISHOUDLID.ID.eq(member.id())).and(HUISHOUDLID.BURGER_ID.eq(burgerId)).execute();
                changed.add("huishoudlid " + member.id() + " status");
            }
        }
        if (change.added() != null) {
            SituationForm.Added added = change.added();
            long id = tx.insertInto(HUISHOUDLID)
                    .set(HUISHOUDLID.BURGER_ID, burgerId)
                    .set(HUISHOUDLID.VOORNAAM, added.voornaam())
                    .set(HUISHOUDLID.GEBOORTEDATUM, added.geboortedatum())
                    .set(HUISHOUDLID.RELATIE, added.relatie().name())
                    .set(HUISHOUDLID.STATUS, added.status().name())
                    .set(HUISHOUDLID.WOONT_SINDS, added.woontSinds())
                    .returning(HUISHOUDLID.ID).fetchOne(HUISHOUDLID.ID);
            changed.add("huishoudlid " + id + " toegevoegd (" + added.relatie().name() + ")");
        }

        LocalDateTime now = LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
        for (Plicht plicht : Plicht.values()) {
            DutyState before = current.duties().get(plicht);
            DutyState after = change.duties().get(plicht);
            String name = "plicht " + plicht.name();
            if (before == null && after == null) {
                continue;
            }
            if (after == null) {
                tx.deleteFrom(BURGER_PLICHT).where(BURGER_PLICHT.BURGER_ID.eq(burgerId)).and(BURGER_PLICHT.PLICHT.eq(plicht.name())).execute();
                changed.add(name + " vervallen");
                continue;
            }
            if (before == null) {
                tx.insertInto(BURGER_PLICHT)
                        .set(BURGER_PLICHT.BURGER_ID, burgerId)
                        .set(BURGER_PLICHT.PLICHT, plicht.name())
                        .set(BURGER_PLICHT.ONTHEFFING, after.ontheffing())
                        .set(BURGER_PLICHT.ONTHEFFING_REDEN, after.reden())
                        .set(BURGER_PLICHT.ONTHEFFING_TOT, after.tot())
                        .set(BURGER_PLICHT.GEWIJZIGD_OP, now)
                        .set(BURGER_PLICHT.GEWIJZIGD_DOOR, consulent.id())
                        .execute();
                changed.add(name + " toegevoegd" + (after.ontheffing() ? " met ontheffing" : ""));
                continue;
            }
            List<String> parts = new ArrayList<>();
            if (before.ontheffing() != after.ontheffing()) {
                parts.add("ontheffing");
            } else if (after.ontheffing()) {
                if (!Objects.equals(before.reden(), after.reden())) {
                    parts.add("reden");
                }
                if (!Objects.equals(before.tot(), after.tot())) {
                    parts.add("einddatum");
                }
            }
            if (!parts.isEmpty()) {
                tx.update(BURGER_PLICHT)
                        .set(BURGER_PLICHT.ONTHEFFING, after.ontheffing())
                        .set(BURGER_PLICHT.ONTHEFFING_REDEN, after.reden())
                        .set(BURGER_PLICHT.ONTHEFFING_TOT, after.tot())
                        .set(BURGER_PLICHT.GEWIJZIGD_OP, now)
                        .set(BURGER_PLICHT.GEWIJZIGD_DOOR, consulent.id())
                        .where(BURGER_PLICHT.BURGER_ID.eq(burgerId)).and(BURGER_PLICHT.PLICHT.eq(plicht.name()))
                        .execute();
                changed.add(name + " " + String.join(" en ", parts));
            }
        }
        return changed;
    }

    /** Only a citizen of the consulent's team (or taken over); anyone else is the same 404 as what does not exist. */
    private void requireTeam(CurrentUser consulent, long burgerId) {
        if (accounts.access(consulent, burgerId) != nl.bijstandsportaal.account.AccountRepository.Access.TEAM) {
            throw new NotFoundException();
        }
    }

    /** The situation of a citizen of {@code gemeenteId}; {@code lock}: within a transaction, lock the citizen's row. */
    private static Optional<Current> load(DSLContext ctx, long burgerId, long gemeenteId, boolean lock) {
        var select = ctx.select(BURGER.ID, BURGER.VOORNAAM, BURGER.ACHTERNAAM, BURGER.LEEFVORM, BURGER.IN_INRICHTING)
                .from(BURGER)
                .where(BURGER.ID.eq(burgerId))
                .and(BURGER.GEMEENTE_ID.eq(gemeenteId));
        Record burger = lock ? select.forUpdate().fetchOne() : select.fetchOne();
        if (burger == null) {
            return Optional.empty();
        }
        List<CurrentMember> members = ctx.select(HUISHOUDLID.ID, HUISHOUDLID.VOORNAAM, HUISHOUDLID.GEBOORTEDATUM,
                        HUISHOUDLID.RELATIE, HUISHOUDLID.STATUS)
                .from(HUISHOUDLID)
                .where(HUISHOUDLID.BURGER_ID.eq(burgerId))
                .orderBy(HUISHOUDLID.GEBOORTEDATUM, HUISHOUDLID.ID)
                .fetch(r -> new CurrentMember(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
        Map<Plicht, DutyState> duties = new EnumMap<>(Plicht.class);
        ctx.select(BURGER_PLICHT.PLICHT, BURGER_PLICHT.ONTHEFFING, BURGER_PLICHT.ONTHEFFING_REDEN, BURGER_PLICHT.ONTHEFFING_TOT)
                .from(BURGER_PLICHT)
                .where(BURGER_PLICHT.BURGER_ID.eq(burgerId))
                .forEach(r -> {
                    for (Plicht plicht : Plicht.values()) {
                        if (plicht.name().equals(r.value1())) {
                            duties.put(plicht, new DutyState(Boolean.TRUE.equals(r.value2()), r.value3(), r.value4()));
                        }
                    }
                });
        return Optional.of(new Current(burger.get(BURGER.ID), burger.get(BURGER.VOORNAAM), burger.get(BURGER.ACHTERNAAM),
                burger.get(BURGER.LEEFVORM), Boolean.TRUE.equals(burger.get(BURGER.IN_INRICHTING)), members, duties));
    }
}
