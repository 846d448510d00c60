-- An application for a minimaregeling. A CONCEPT is saved after every screen (answers as vraag=antwoord&...), so it
-- can be finished later, on another device or after the session ended; once VERSTUURD it never changes (its answers
-- are what the municipality decides on). kenmerk: the reference the citizen sees, given when it is sent.
-- schermen: how many screens the citizen answered; gestart_op to verstuurd_op: how long applying took.
-- besluit: TOEGEKEND, AFGEWEZEN or BUITEN_BEHANDELING with the consulent's reason (written for the citizen) and, when
-- granted, the amount.
CREATE TABLE aanvraag (
  id              BIGINT         NOT NULL AUTO_INCREMENT,
  public_id       CHAR(36)       NOT NULL,
  burger_id       BIGINT         NOT NULL,
  gemeente        VARCHAR(10)    NOT NULL,
  regeling        VARCHAR(40)    NOT NULL,
  status          VARCHAR(20)    NOT NULL,
  antwoorden      VARCHAR(4000)  NOT NULL,
  schermen        INT            NOT NULL,
  kenmerk         VARCHAR(20)    NULL,
  gestart_op      DATETIME(6)    NOT NULL,
  bijgewerkt_op   DATETIME(6)    NOT NULL,
  verstuurd_op    DATETIME(6)    NULL,
  besluit         VARCHAR(20)    NULL,
  besluit_bedrag  DECIMAL(10,2)  NULL,
  besluit_reden   VARCHAR(2000)  NULL,
  besloten_op     DATETIME(6)    NULL,
  besloten_door   BIGINT         NULL,
  PRIMARY KEY (id),
  CONSTRAINT fk_aanvraag_burger FOREIGN KEY (burger_id) REFERENCES burger (id),
  CONSTRAINT fk_aanvraag_medewerker FOREIGN KEY (besloten_door) REFERENCES medewerker (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE UNIQUE INDEX ux_aanvraag_public_id ON aanvraag (public_id);
CREATE UNIQUE INDEX ux_aanvraag_kenmerk ON aanvraag (kenmerk);
CREATE INDEX ix_aanvraag_burger ON aanvraag (burger_id, gestart_op);
CREATE INDEX ix_aanvraag_gemeente_status ON aanvraag (gemeente, status, verstuurd_op);
