-- Tasks to the citizen (docs/adr/0024-tasks-to-the-citizen.md): every step of a document request, as the citizen and
-- the consulent read it on the request's timeline, and as the legal clock of an application reads a hersteltermijn.
--   soort: ASKED (the request itself), FILE_SENT (one per file the citizen sent), EXTENDED (a later last day),
--          NOT_GOOD_ENOUGH (what was sent is not enough: send again by a new last day), DONE, WITHDRAWN;
--   medewerker_id: the employee who took the step (null: the citizen sent a file, or the portal took it);
--   tekst: the words for the citizen (why more time, what is wrong and what to send instead); null when there are none;
--   oude_uiterlijk / nieuwe_uiterlijk: the last day before and after the step (ASKED: only the new one);
--   bijlage_id: the file, for FILE_SENT.
CREATE TABLE documentverzoek_stap (
  id                BIGINT         NOT NULL AUTO_INCREMENT,
  verzoek_id        BIGINT         NOT NULL,
  soort             VARCHAR(20)    NOT NULL,
  op                DATETIME(6)    NOT NULL,
  medewerker_id     BIGINT         NULL,
  tekst             VARCHAR(1000)  NULL,
  oude_uiterlijk    DATE           NULL,
  nieuwe_uiterlijk  DATE           NULL,
  bijlage_id        BIGINT         NULL,
  PRIMARY KEY (id),
  CONSTRAINT fk_documentverzoek_stap_verzoek FOREIGN KEY (verzoek_id) REFERENCES documentverzoek (id),
  CONSTRAINT fk_documentverzoek_stap_medewerker FOREIGN KEY (medewerker_id) REFERENCES medewerker (id),
  CONSTRAINT fk_documentverzoek_stap_bijlage FOREIGN KEY (bijlage_id) REFERENCES documentverzoek_bijlage (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_documentverzoek_stap_verzoek ON documentverzoek_stap (verzoek_id, op);

-- The current round of a request: 0 as asked, one more for every later last day (EXTENDED, NOT_GOOD_ENOUGH), and
-- since when its last day holds (null: since it was asked). The reminders of a round have their own event keys, so a
-- reminder sent for the old last day does not stop the one for the new day; none is sent inside the reminder window
-- of a round that started in it (its own message says it).
ALTER TABLE documentverzoek ADD COLUMN ronde INT NOT NULL DEFAULT 0;
ALTER TABLE documentverzoek ADD COLUMN ronde_sinds DATETIME(6) NULL;

-- A file the consulent found not good enough (NOT_GOOD_ENOUGH): it stays visible to both, marked with when.
ALTER TABLE documentverzoek_bijlage ADD COLUMN afgekeurd_op DATETIME(6) NULL;

-- The steps of requests made before this version: asked, every file, and closing (by whom is not known then).
-- (Data, not schema: hidden from jOOQ's code generator, which reads these files for the schema only.)
-- [jooq ignore start]
INSERT INTO documentverzoek_stap (verzoek_id, soort, op, medewerker_id, nieuwe_uiterlijk)
  SELECT id, 'ASKED', gevraagd_op, medewerker_id, uiterlijk FROM documentverzoek;
INSERT INTO documentverzoek_stap (verzoek_id, soort, op, bijlage_id)
  SELECT verzoek_id, 'FILE_SENT', toegevoegd_op, id FROM documentverzoek_bijlage;
INSERT INTO documentverzoek_stap (verzoek_id, soort, op)
  SELECT id, CASE status WHEN 'AFGEROND' THEN 'DONE' ELSE 'WITHDRAWN' END, afgerond_op FROM documentverzoek
  WHERE status IN ('AFGEROND', 'INGETROKKEN') AND afgerond_op IS NOT NULL;
-- [jooq ignore stop]
