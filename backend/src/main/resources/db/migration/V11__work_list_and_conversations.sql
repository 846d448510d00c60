-- The consulent's work list (issue 15) is computed when it is read, from what is open in every capability (see
-- docs/adr/0025-work-list-read-when-seen.md); only what people decide about it is stored here.

-- The team an employee works in (citizens of a consulent of the team are the team's), and when they last looked at
-- their work list (what came in after that is "new").
ALTER TABLE medewerker ADD COLUMN team VARCHAR(100) NULL;
ALTER TABLE medewerker ADD COLUMN werklijst_gezien_op DATETIME(6) NULL;

-- Who handles an item of the work list: claimed by a consulent or assigned by a colleague. sleutel: the item's own key
-- ("aanvraag/<uuid>", "inkomsten/<kenmerk>", ...). A row outlives its item harmlessly: the key is never reused.
CREATE TABLE werkitem_behandelaar (
  sleutel         VARCHAR(80)   NOT NULL,
  gemeente_id     BIGINT        NOT NULL,
  medewerker_id   BIGINT        NOT NULL,
  toegewezen_door BIGINT        NOT NULL,
  toegewezen_op   DATETIME(6)   NOT NULL,
  PRIMARY KEY (sleutel),
  CONSTRAINT fk_werkitem_gemeente FOREIGN KEY (gemeente_id) REFERENCES gemeente (id),
  CONSTRAINT fk_werkitem_medewerker FOREIGN KEY (medewerker_id) REFERENCES medewerker (id),
  CONSTRAINT fk_werkitem_door FOREIGN KEY (toegewezen_door) REFERENCES medewerker (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_werkitem_medewerker ON werkitem_behandelaar (medewerker_id);

-- A conversation: one thread per subject that the citizen and the consulent both see. gestart_door: BURGER or
-- MEDEWERKER. wacht_op_antwoord_sinds: the first message of the citizen that no employee has answered yet (null: none
-- waiting); the work list flags it when the municipality's reply time (gesprek.antwoord_werkdagen) has passed.
CREATE TABLE gesprek (
  id                       BIGINT        NOT NULL AUTO_INCREMENT,
  public_id                CHAR(36)      NOT NULL,
  burger_id                BIGINT        NOT NULL,
  onderwerp                VARCHAR(120)  NULL,
  gestart_door             VARCHAR(10)   NOT NULL,
  gestart_op               DATETIME(6)   NOT NULL,
  laatste_bericht_op       DATETIME(6)   NOT NULL,
  wacht_op_antwoord_sinds  DATETIME(6)   NULL,
  PRIMARY KEY (id),
  CONSTRAINT fk_gesprek_burger FOREIGN KEY (burger_id) REFERENCES burger (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE UNIQUE INDEX ux_gesprek_public_id ON gesprek (public_id);
CREATE INDEX ix_gesprek_burger ON gesprek (burger_id, laatste_bericht_op);
CREATE INDEX ix_gesprek_wacht ON gesprek (wacht_op_antwoord_sinds);

-- A message now belongs to a conversation and is written by the citizen (medewerker_id null) or an employee.
ALTER TABLE bericht ADD COLUMN gesprek_id BIGINT NULL;
ALTER TABLE bericht MODIFY medewerker_id BIGINT NULL;
ALTER TABLE bericht ADD CONSTRAINT fk_bericht_gesprek FOREIGN KEY (gesprek_id) REFERENCES gesprek (id);
CREATE INDEX ix_bericht_gesprek ON bericht (gesprek_id, verstuurd_op);

-- Every message sent before conversations existed becomes a conversation of its own, started by the consulent.
-- (Data, not schema: hidden from jOOQ's code generator, which reads these files for the schema only.)
-- [jooq ignore start]
INSERT INTO gesprek (public_id, burger_id, onderwerp, gestart_door, gestart_op, laatste_bericht_op)
  SELECT public_id, burger_id, NULL, 'MEDEWERKER', verstuurd_op, verstuurd_op FROM bericht;
UPDATE bericht SET gesprek_id = (SELECT g.id FROM gesprek g WHERE g.public_id = bericht.public_id);
-- [jooq ignore stop]

-- A photo or PDF sent with a message, checked like every upload (first bytes, photos without metadata, at most 10 MB).
CREATE TABLE bericht_bijlage (
  id              BIGINT         NOT NULL AUTO_INCREMENT,
  bericht_id      BIGINT         NOT NULL,
  bestandsnaam    VARCHAR(200)   NOT NULL,
  content_type    VARCHAR(100)   NOT NULL,
  grootte         INT            NOT NULL,
  inhoud          LONGBLOB       NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT fk_bericht_bijlage_bericht FOREIGN KEY (bericht_id) REFERENCES bericht (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_bericht_bijlage_bericht ON bericht_bijlage (bericht_id);
