-- Appointments in the conversation (docs/adr/0032-an-appointment-is-a-conversation.md): every step of an appointment
-- is kept, and every appointment has its own conversation, so both sides read its steps in one thread with what they
-- wrote about it (like a document request, ADR 0031).
--   soort: GEPLAND (planned), VERZET (moved), GEANNULEERD (called off), BEVESTIGD (the citizen will come),
--          ANDERE_TIJD (the citizen asks for another time; tekst: which times suit them), HERINNERD (a reminder was
--          written for the citizen), GEWEEST (took place), NIET_GEKOMEN (the citizen did not come; herinnerd: whether a
--          reminder had really gone out by push or e-mail);
--   medewerker_id: the employee who took the step (null: the citizen or the portal);
--   begint_op / vorige_begint_op: the time after the step, and before it (VERZET); vorm, locatie: as in afspraak.
CREATE TABLE afspraak_stap (
  id                BIGINT         NOT NULL AUTO_INCREMENT,
  afspraak_id       BIGINT         NOT NULL,
  soort             VARCHAR(20)    NOT NULL,
  op                DATETIME(6)    NOT NULL,
  medewerker_id     BIGINT         NULL,
  begint_op         DATETIME(6)    NULL,
  vorige_begint_op  DATETIME(6)    NULL,
  vorm              VARCHAR(12)    NULL,
  locatie           VARCHAR(300)   NULL,
  tekst             VARCHAR(1000)  NULL,
  herinnerd         BOOLEAN        NULL,
  PRIMARY KEY (id),
  CONSTRAINT fk_afspraak_stap_afspraak FOREIGN KEY (afspraak_id) REFERENCES afspraak (id),
  CONSTRAINT fk_afspraak_stap_medewerker FOREIGN KEY (medewerker_id) REFERENCES medewerker (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_afspraak_stap_afspraak ON afspraak_stap (afspraak_id, op);

-- afspraak_id: the appointment this conversation is about (null: another conversation).
ALTER TABLE gesprek ADD COLUMN afspraak_id BIGINT NULL;
ALTER TABLE gesprek ADD CONSTRAINT fk_gesprek_afspraak FOREIGN KEY (afspraak_id) REFERENCES afspraak (id);
CREATE UNIQUE INDEX ux_gesprek_afspraak ON gesprek (afspraak_id);

-- Appointments made before this version: what is known of them (planned, moved once or more, the answer to the current
-- time, the reminders of the current time, the outcome), and their conversation.
-- (Data, not schema: hidden from jOOQ's code generator, which reads these files for the schema only.)
-- [jooq ignore start]
INSERT INTO afspraak_stap (afspraak_id, soort, op, medewerker_id, begint_op, vorm, locatie)
  SELECT a.id, 'GEPLAND', a.gepland_op, a.medewerker_id, CASE WHEN a.versie = 1 THEN a.begint_op END,
         CASE WHEN a.versie = 1 THEN a.vorm END, CASE WHEN a.versie = 1 THEN a.locatie END
  FROM afspraak a;
INSERT INTO afspraak_stap (afspraak_id, soort, op, medewerker_id, begint_op, vorm, locatie)
  SELECT a.id, 'VERZET', a.gewijzigd_op, a.medewerker_id, a.begint_op, a.vorm, a.locatie FROM afspraak a WHERE a.versie > 1;
INSERT INTO afspraak_stap (afspraak_id, soort, op, tekst)
  SELECT a.id, a.antwoord, a.antwoord_op, a.antwoord_notitie FROM afspraak a WHERE a.antwoord <> 'GEEN' AND a.antwoord_op IS NOT NULL;
INSERT INTO afspraak_stap (afspraak_id, soort, op)
  SELECT a.id, 'HERINNERD', a.herinnering_dag_op FROM afspraak a WHERE a.herinnering_dag_op IS NOT NULL;
INSERT INTO afspraak_stap (afspraak_id, soort, op)
  SELECT a.id, 'HERINNERD', a.herinnering_uur_op FROM afspraak a WHERE a.herinnering_uur_op IS NOT NULL;
INSERT INTO afspraak_stap (afspraak_id, soort, op, herinnerd)
  SELECT a.id, a.status, a.afgesloten_op, a.herinnerd FROM afspraak a WHERE a.status <> 'GEPLAND' AND a.afgesloten_op IS NOT NULL;
INSERT INTO gesprek (public_id, burger_id, onderwerp, gestart_door, gestart_op, laatste_bericht_op, afspraak_id)
  SELECT UUID(), a.burger_id, NULL, 'MEDEWERKER', a.gepland_op,
         GREATEST(a.gepland_op, COALESCE((SELECT MAX(s.op) FROM afspraak_stap s WHERE s.afspraak_id = a.id), a.gepland_op)), a.id
  FROM afspraak a;
-- [jooq ignore end]
