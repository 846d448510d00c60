-- Issue 19, ADR 0055: every file the citizen sends has a public id the app can name it by (proof with an income
-- report, proof with a change, a file with a message), as documentverzoek_bijlage got in V30. The internal id stays
-- internal.
ALTER TABLE inkomstenopgave_bijlage ADD COLUMN public_id CHAR(36) NULL AFTER id;
ALTER TABLE wijziging_bijlage ADD COLUMN public_id CHAR(36) NULL AFTER id;
ALTER TABLE bericht_bijlage ADD COLUMN public_id CHAR(36) NULL AFTER id;
UPDATE inkomstenopgave_bijlage SET public_id = UUID() WHERE public_id IS NULL;
UPDATE wijziging_bijlage SET public_id = UUID() WHERE public_id IS NULL;
UPDATE bericht_bijlage SET public_id = UUID() WHERE public_id IS NULL;
ALTER TABLE inkomstenopgave_bijlage MODIFY public_id CHAR(36) NOT NULL;
ALTER TABLE wijziging_bijlage MODIFY public_id CHAR(36) NOT NULL;
ALTER TABLE bericht_bijlage MODIFY public_id CHAR(36) NOT NULL;
CREATE UNIQUE INDEX ux_inkomstenopgave_bijlage_public_id ON inkomstenopgave_bijlage (public_id);
CREATE UNIQUE INDEX ux_wijziging_bijlage_public_id ON wijziging_bijlage (public_id);
CREATE UNIQUE INDEX ux_bericht_bijlage_public_id ON bericht_bijlage (public_id);

-- A citizen may delete a file she sent for a document request until the consulent has handled it (ADR 0055): the row
-- and its bytes go. The step that says it was sent stays, with the file's name (bestandsnaam), and a step
-- FILE_DELETED (with the name) is added; bijlage_id becomes null when the file is gone.
ALTER TABLE documentverzoek_stap ADD COLUMN bestandsnaam VARCHAR(200) NULL;
-- (Data and a changed foreign key: hidden from jOOQ's code generator, which reads these files for the schema only.)
-- [jooq ignore start]
UPDATE documentverzoek_stap s JOIN documentverzoek_bijlage b ON b.id = s.bijlage_id SET s.bestandsnaam = b.bestandsnaam;
ALTER TABLE documentverzoek_stap DROP FOREIGN KEY fk_documentverzoek_stap_bijlage;
ALTER TABLE documentverzoek_stap ADD CONSTRAINT fk_documentverzoek_stap_bijlage FOREIGN KEY (bijlage_id)
  REFERENCES documentverzoek_bijlage (id) ON DELETE SET NULL;
-- [jooq ignore stop]

-- What the citizen did to a change after sending it, for the consulent's timeline of the file (ADR 0055). soort:
-- BEWIJS_VERWIJDERD (bestandsnaam: the proof she deleted while the change was still NIEUW).
CREATE TABLE wijziging_gebeurtenis (
  id              BIGINT         NOT NULL AUTO_INCREMENT,
  wijziging_id    BIGINT         NOT NULL,
  soort           VARCHAR(30)    NOT NULL,
  op              DATETIME(6)    NOT NULL,
  bestandsnaam    VARCHAR(200)   NULL,
  PRIMARY KEY (id),
  CONSTRAINT fk_wijziging_gebeurtenis_wijziging FOREIGN KEY (wijziging_id) REFERENCES wijziging (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_wijziging_gebeurtenis_wijziging ON wijziging_gebeurtenis (wijziging_id, op);
