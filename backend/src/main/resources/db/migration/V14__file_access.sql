-- A consulent sees the citizens of their own team (issue 15). To help a citizen of another team (a colleague is ill,
-- the citizen is at the desk) they take the file over: with a reason, for a limited time, audited, and shown to the
-- citizen on "Wie keek in je dossier". tot: until when (UTC) the takeover gives access.
CREATE TABLE dossier_overname (
  id              BIGINT         NOT NULL AUTO_INCREMENT,
  burger_id       BIGINT         NOT NULL,
  medewerker_id   BIGINT         NOT NULL,
  reden           VARCHAR(300)   NOT NULL,
  sinds           DATETIME(6)    NOT NULL,
  tot             DATETIME(6)    NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT fk_overname_burger FOREIGN KEY (burger_id) REFERENCES burger (id),
  CONSTRAINT fk_overname_medewerker FOREIGN KEY (medewerker_id) REFERENCES medewerker (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_overname_burger ON dossier_overname (burger_id, medewerker_id, tot);
