-- Appointments between a consulent and a citizen (ADR 0023). All moments in UTC, shown in Dutch time.
-- status: GEPLAND (planned, also after it was moved), GEANNULEERD (the consulent called it off), GEWEEST (it took place),
-- NIET_GEKOMEN (the citizen did not come). antwoord, the citizen's answer to the current time: GEEN (not answered yet),
-- BEVESTIGD (will come), ANDERE_TIJD (asks for another time; antwoord_notitie says which times suit them).
-- versie: 1, and one more each time the consulent moves it (the reminders and the calendar file follow the version).
-- vorm: KANTOOR (locatie = the address), VIDEO (locatie = the link), TELEFOON (the consulent calls; locatie empty).
-- herinnering_dag_op / herinnering_uur_op: when the reminder of the day before / two hours before was written
-- (ReminderScheduler); herinnerd: for NIET_GEKOMEN, whether a reminder had really gone out by push or e-mail.
CREATE TABLE afspraak (
  id                  BIGINT         NOT NULL AUTO_INCREMENT,
  public_id           CHAR(36)       NOT NULL,
  burger_id           BIGINT         NOT NULL,
  medewerker_id       BIGINT         NOT NULL,
  begint_op           DATETIME(6)    NOT NULL,
  duur_minuten        INT            NOT NULL,
  vorm                VARCHAR(12)    NOT NULL,
  locatie             VARCHAR(300)   NULL,
  onderwerp           VARCHAR(200)   NOT NULL,
  meenemen            VARCHAR(1000)  NULL,
  status              VARCHAR(20)    NOT NULL,
  antwoord            VARCHAR(20)    NOT NULL,
  antwoord_notitie    VARCHAR(500)   NULL,
  antwoord_op         DATETIME(6)    NULL,
  versie              INT            NOT NULL,
  gepland_op          DATETIME(6)    NOT NULL,
  gewijzigd_op        DATETIME(6)    NOT NULL,
  afgesloten_op       DATETIME(6)    NULL,
  herinnering_dag_op  DATETIME(6)    NULL,
  herinnering_uur_op  DATETIME(6)    NULL,
  herinnerd           BOOLEAN        NULL,
  verzoek_id          BIGINT         NULL,
  PRIMARY KEY (id),
  CONSTRAINT fk_afspraak_burger FOREIGN KEY (burger_id) REFERENCES burger (id),
  CONSTRAINT fk_afspraak_medewerker FOREIGN KEY (medewerker_id) REFERENCES medewerker (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE UNIQUE INDEX ux_afspraak_public_id ON afspraak (public_id);
CREATE INDEX ix_afspraak_burger ON afspraak (burger_id, begint_op);
CREATE INDEX ix_afspraak_gepland ON afspraak (status, begint_op);

-- A citizen asks for a conversation: about what, how they would like it (KANTOOR, VIDEO, TELEFOON, MAAKT_NIET_UIT),
-- and optionally when it suits them. status: OPEN, then GEPLAND when the consulent planned an appointment for it.
CREATE TABLE gespreksverzoek (
  id              BIGINT         NOT NULL AUTO_INCREMENT,
  public_id       CHAR(36)       NOT NULL,
  burger_id       BIGINT         NOT NULL,
  onderwerp       VARCHAR(500)   NOT NULL,
  vorm            VARCHAR(14)    NOT NULL,
  voorkeur        VARCHAR(200)   NULL,
  status          VARCHAR(12)    NOT NULL,
  gevraagd_op     DATETIME(6)    NOT NULL,
  afgehandeld_op  DATETIME(6)    NULL,
  PRIMARY KEY (id),
  CONSTRAINT fk_gespreksverzoek_burger FOREIGN KEY (burger_id) REFERENCES burger (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE UNIQUE INDEX ux_gespreksverzoek_public_id ON gespreksverzoek (public_id);
CREATE INDEX ix_gespreksverzoek_burger ON gespreksverzoek (burger_id, gevraagd_op);

-- A message whose push or e-mail is of no use after a moment (a reminder of an appointment: its start). The dispatcher
-- does not send it after that moment, and quiet hours do not hold it back past it (DeliveryPlan, ADR 0023).
ALTER TABLE melding ADD COLUMN uiterlijk_op DATETIME(6) NULL;
