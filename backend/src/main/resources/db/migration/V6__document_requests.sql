-- A document the consulent asks the citizen for (issue 5): what, why, and the last day to send it. status: OPEN (asked,
-- nothing sent yet), GESTUURD (the citizen sent at least one file; not "ontvangen", which citizens read as money received), AFGEROND (the consulent has what they need),
-- INGETROKKEN (the consulent no longer needs it). Reminders before and after the deadline are computed from this table
-- (ReminderScheduler) while it is OPEN.
CREATE TABLE documentverzoek (
  id              BIGINT         NOT NULL AUTO_INCREMENT,
  public_id       CHAR(36)       NOT NULL,
  burger_id       BIGINT         NOT NULL,
  medewerker_id   BIGINT         NOT NULL,
  wat             VARCHAR(200)   NOT NULL,
  waarom          VARCHAR(1000)  NOT NULL,
  uiterlijk       DATE           NOT NULL,
  status          VARCHAR(20)    NOT NULL,
  gevraagd_op     DATETIME(6)    NOT NULL,
  gestuurd_op     DATETIME(6)    NULL,
  afgerond_op     DATETIME(6)    NULL,
  PRIMARY KEY (id),
  CONSTRAINT fk_documentverzoek_burger FOREIGN KEY (burger_id) REFERENCES burger (id),
  CONSTRAINT fk_documentverzoek_medewerker FOREIGN KEY (medewerker_id) REFERENCES medewerker (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE UNIQUE INDEX ux_documentverzoek_public_id ON documentverzoek (public_id);
CREATE INDEX ix_documentverzoek_burger ON documentverzoek (burger_id, gevraagd_op);
CREATE INDEX ix_documentverzoek_open ON documentverzoek (status, uiterlijk);

-- A file the citizen sent for a request: a photo or PDF, checked by its first bytes, photos without metadata, at most
-- 10 MB. The same file sent twice for one request (a retry) is stored once: unique on the checksum.
CREATE TABLE documentverzoek_bijlage (
  id              BIGINT         NOT NULL AUTO_INCREMENT,
  verzoek_id      BIGINT         NOT NULL,
  bestandsnaam    VARCHAR(200)   NOT NULL,
  content_type    VARCHAR(100)   NOT NULL,
  grootte         INT            NOT NULL,
  sha256          CHAR(64)       NOT NULL,
  inhoud          LONGBLOB       NOT NULL,
  toegevoegd_op   DATETIME(6)    NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT fk_documentverzoek_bijlage_verzoek FOREIGN KEY (verzoek_id) REFERENCES documentverzoek (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE UNIQUE INDEX ux_documentverzoek_bijlage_inhoud ON documentverzoek_bijlage (verzoek_id, sha256);
