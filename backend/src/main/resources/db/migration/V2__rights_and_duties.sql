-- Rights and duties (issue 3): the situation the norm rests on, the duties with any ontheffing, reported
-- changes with their proof, the citizen's "ik heb dit gelezen" and quiz, and rule periods a beheerder adds.

-- Living in an institution (art. 23 Participatiewet) changes the norm.
ALTER TABLE burger ADD COLUMN in_inrichting BOOLEAN NOT NULL DEFAULT FALSE;

-- The duties that apply to a citizen. plicht: ARBEID (art. 9 lid 1 sub a), TAALEIS (art. 18b),
-- PARTICIPATIE (maatschappelijke participatie, art. 9 lid 1 sub c as of 2026). A duty without a row does not
-- apply. ontheffing_reden is shown to the citizen; ontheffing_tot NULL with a reason = no end date.
CREATE TABLE burger_plicht (
  id                BIGINT        NOT NULL AUTO_INCREMENT,
  burger_id         BIGINT        NOT NULL,
  plicht            VARCHAR(30)   NOT NULL,
  ontheffing        BOOLEAN       NOT NULL DEFAULT FALSE,
  ontheffing_reden  VARCHAR(500)  NULL,
  ontheffing_tot    DATE          NULL,
  gewijzigd_op      DATETIME(6)   NOT NULL,
  gewijzigd_door    BIGINT        NULL,
  PRIMARY KEY (id),
  CONSTRAINT fk_burger_plicht_burger FOREIGN KEY (burger_id) REFERENCES burger (id),
  CONSTRAINT fk_burger_plicht_medewerker FOREIGN KEY (gewijzigd_door) REFERENCES medewerker (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE UNIQUE INDEX ux_burger_plicht ON burger_plicht (burger_id, plicht);

-- A change the citizen reports (wijziging doorgeven, art. 17). soort: INWONER_ERBIJ, INWONER_WEG, BUITENLAND,
-- ADRES, GIFT, ANDERS. Which fields are filled depends on the kind. verwacht_effect: what the portal told the
-- citizen in advance (a message key), verwachte_norm the norm it predicted, if any. status: NIEUW, IN_BEHANDELING,
-- AFGEHANDELD. effect_waarden: the figures in that message (see ChangeEffect).
CREATE TABLE wijziging (
  id                BIGINT         NOT NULL AUTO_INCREMENT,
  public_id         CHAR(36)       NOT NULL,
  kenmerk           VARCHAR(20)    NOT NULL,
  burger_id         BIGINT         NOT NULL,
  consulent_id      BIGINT         NULL,
  soort             VARCHAR(20)    NOT NULL,
  datum             DATE           NOT NULL,
  datum_tot         DATE           NULL,
  naam              VARCHAR(100)   NULL,
  geboortedatum     DATE           NULL,
  huishoudstatus    VARCHAR(30)    NULL,
  bedrag            DECIMAL(12,2)  NULL,
  land              VARCHAR(100)   NULL,
  adres             VARCHAR(300)   NULL,
  toelichting       VARCHAR(2000)  NULL,
  verwacht_effect   VARCHAR(60)    NOT NULL,
  effect_waarden    VARCHAR(300)   NOT NULL,
  verwachte_norm    DECIMAL(12,2)  NULL,
  status            VARCHAR(20)    NOT NULL,
  ingediend_op      DATETIME(6)    NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT fk_wijziging_burger FOREIGN KEY (burger_id) REFERENCES burger (id),
  CONSTRAINT fk_wijziging_consulent FOREIGN KEY (consulent_id) REFERENCES medewerker (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE UNIQUE INDEX ux_wijziging_public_id ON wijziging (public_id);
CREATE UNIQUE INDEX ux_wijziging_kenmerk ON wijziging (kenmerk);
CREATE INDEX ix_wijziging_burger ON wijziging (burger_id, ingediend_op);
CREATE INDEX ix_wijziging_consulent ON wijziging (consulent_id, status);

-- Proof sent with a change (a photo or a PDF), checked by its first bytes, at most 10 MB.
CREATE TABLE wijziging_bijlage (
  id                BIGINT         NOT NULL AUTO_INCREMENT,
  wijziging_id      BIGINT         NOT NULL,
  bestandsnaam      VARCHAR(200)   NOT NULL,
  content_type      VARCHAR(100)   NOT NULL,
  grootte           INT            NOT NULL,
  sha256            CHAR(64)       NOT NULL,
  inhoud            LONGBLOB       NOT NULL,
  toegevoegd_op     DATETIME(6)    NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT fk_wijziging_bijlage_wijziging FOREIGN KEY (wijziging_id) REFERENCES wijziging (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_wijziging_bijlage_wijziging ON wijziging_bijlage (wijziging_id);

-- "Ik heb dit gelezen" (soort GELEZEN) and the quiz (soort QUIZ, with the number of right answers), each for
-- the version of the rules that applied to the citizen then (a fingerprint): when it changes, we ask again.
CREATE TABLE overzicht_bevestiging (
  id                BIGINT         NOT NULL AUTO_INCREMENT,
  burger_id         BIGINT         NOT NULL,
  soort             VARCHAR(10)    NOT NULL,
  regels_versie     CHAR(64)       NOT NULL,
  goed              INT            NULL,
  op                DATETIME(6)    NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT fk_overzicht_bevestiging_burger FOREIGN KEY (burger_id) REFERENCES burger (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_overzicht_bevestiging ON overzicht_bevestiging (burger_id, soort, op);

-- Rule periods a beheerder added on the rules page, on top of the seed files (rules/*.csv). Never updated or
-- deleted: a later period ends the one before it. gemeente is a CBS code; the national rules stay in the files.
CREATE TABLE regel_periode (
  id                BIGINT         NOT NULL AUTO_INCREMENT,
  regel             VARCHAR(60)    NOT NULL,
  gemeente          VARCHAR(10)    NOT NULL,
  geldig_vanaf      DATE           NOT NULL,
  geldig_tot        DATE           NULL,
  waarde            DECIMAL(14,4)  NOT NULL,
  bron              VARCHAR(300)   NOT NULL,
  ingevoerd_door    BIGINT         NOT NULL,
  ingevoerd_op      DATETIME(6)    NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT fk_regel_periode_medewerker FOREIGN KEY (ingevoerd_door) REFERENCES medewerker (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_regel_periode ON regel_periode (regel, gemeente, geldig_vanaf);
