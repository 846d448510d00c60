-- Income reports (inkomstenopgave, issue 4): one per citizen and period, with every version of the sources kept,
-- proof, and a timeline. Amounts in euros with cents.

-- status: VERSTUURD, IN_BEHANDELING, VERWERKT, BETAALD. versie: the latest version of the sources (a correction
-- before processing adds one). te_laat: sent after the deadline. verwacht_uitbetaald: the estimate the citizen saw
-- for the latest version; vrijlating_arbeid / vrijlating_ouder: whether that estimate used the disregard of art. 31
-- lid 2 sub n / sub r (they count towards the months allowed); giften: gifts in it, for the yearly free amount.
CREATE TABLE inkomstenopgave (
  id                    BIGINT         NOT NULL AUTO_INCREMENT,
  public_id             CHAR(36)       NOT NULL,
  kenmerk               VARCHAR(20)    NOT NULL,
  burger_id             BIGINT         NOT NULL,
  periode_code          VARCHAR(20)    NOT NULL,
  periode_van           DATE           NOT NULL,
  periode_tot           DATE           NOT NULL,
  termijn               DATE           NOT NULL,
  status                VARCHAR(20)    NOT NULL,
  versie                INT            NOT NULL,
  geen_inkomsten        BOOLEAN        NOT NULL,
  te_laat               BOOLEAN        NOT NULL,
  verwacht_uitbetaald   DECIMAL(12,2)  NULL,
  vrijlating_arbeid     BOOLEAN        NOT NULL,
  vrijlating_ouder      BOOLEAN        NOT NULL,
  giften                DECIMAL(12,2)  NOT NULL,
  ingediend_op          DATETIME(6)    NOT NULL,
  gewijzigd_op          DATETIME(6)    NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT fk_inkomstenopgave_burger FOREIGN KEY (burger_id) REFERENCES burger (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE UNIQUE INDEX ux_inkomstenopgave_public_id ON inkomstenopgave (public_id);
CREATE UNIQUE INDEX ux_inkomstenopgave_kenmerk ON inkomstenopgave (kenmerk);
CREATE UNIQUE INDEX ux_inkomstenopgave_periode ON inkomstenopgave (burger_id, periode_code);

-- The sources of one version. soort: WERK, UITKERING, ONDERNEMING, GIFT, ALIMENTATIE, ANDERS.
-- vastgesteld_netto / vastgesteld_reden: the amount the consulent counts, when it differs, with the reason the
-- citizen sees.
CREATE TABLE inkomstenbron (
  id                    BIGINT         NOT NULL AUTO_INCREMENT,
  opgave_id             BIGINT         NOT NULL,
  versie                INT            NOT NULL,
  volgorde              INT            NOT NULL,
  soort                 VARCHAR(20)    NOT NULL,
  naam                  VARCHAR(150)   NOT NULL,
  netto                 DECIMAL(12,2)  NOT NULL,
  bruto                 DECIMAL(12,2)  NULL,
  uren                  DECIMAL(6,2)   NULL,
  betaaldatum           DATE           NULL,
  loonstrook_volgt      BOOLEAN        NOT NULL,
  vastgesteld_netto     DECIMAL(12,2)  NULL,
  vastgesteld_reden     VARCHAR(500)   NULL,
  PRIMARY KEY (id),
  CONSTRAINT fk_inkomstenbron_opgave FOREIGN KEY (opgave_id) REFERENCES inkomstenopgave (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_inkomstenbron_opgave ON inkomstenbron (opgave_id, versie, volgorde);

-- Payslips and other proof: checked by content, stored with a checksum.
CREATE TABLE inkomstenopgave_bijlage (
  id                    BIGINT         NOT NULL AUTO_INCREMENT,
  opgave_id             BIGINT         NOT NULL,
  bestandsnaam          VARCHAR(200)   NOT NULL,
  content_type          VARCHAR(100)   NOT NULL,
  grootte               INT            NOT NULL,
  sha256                CHAR(64)       NOT NULL,
  inhoud                LONGBLOB       NOT NULL,
  toegevoegd_op         DATETIME(6)    NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT fk_inkomstenopgave_bijlage_opgave FOREIGN KEY (opgave_id) REFERENCES inkomstenopgave (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_inkomstenopgave_bijlage_opgave ON inkomstenopgave_bijlage (opgave_id);

-- The timeline the citizen sees. soort: VERSTUURD, GECORRIGEERD, BEWIJS_TOEGEVOEGD, IN_BEHANDELING, BEDRAG_AANGEPAST,
-- VERWERKT, BETAALD. toelichting: a reason in words for the citizen (a changed amount), never a BSN.
CREATE TABLE inkomstenopgave_gebeurtenis (
  id                    BIGINT         NOT NULL AUTO_INCREMENT,
  opgave_id             BIGINT         NOT NULL,
  op                    DATETIME(6)    NOT NULL,
  soort                 VARCHAR(30)    NOT NULL,
  versie                INT            NOT NULL,
  toelichting           VARCHAR(500)   NULL,
  medewerker_id         BIGINT         NULL,
  PRIMARY KEY (id),
  CONSTRAINT fk_inkomstenopgave_gebeurtenis_opgave FOREIGN KEY (opgave_id) REFERENCES inkomstenopgave (id),
  CONSTRAINT fk_inkomstenopgave_gebeurtenis_medewerker FOREIGN KEY (medewerker_id) REFERENCES medewerker (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_inkomstenopgave_gebeurtenis_opgave ON inkomstenopgave_gebeurtenis (opgave_id, op);
