-- Notifications (issue 5): the citizen's inbox, and an outbox of deliveries by push and e-mail.

-- A message in the citizen's inbox (always shown there). One per citizen and event: `sleutel` names the event
-- (e.g. "inkomsten/2026-11/herinnering"), and whoever makes a message inserts it with INSERT IGNORE, so a
-- scheduler that runs again, or after downtime, never makes a second one.
-- onderwerp (topic, for preferences): INKOMSTEN, DOCUMENTEN, STATUS, BERICHTEN, SITUATIE, APPARAAT.
-- tekst: the i18n key of the text; argumenten: its arguments as JSON (shown only after login, never in a push).
-- link: the page in the portal the message is about.
CREATE TABLE melding (
  id              BIGINT        NOT NULL AUTO_INCREMENT,
  public_id       CHAR(36)      NOT NULL,
  burger_id       BIGINT        NOT NULL,
  onderwerp       VARCHAR(20)   NOT NULL,
  sleutel         VARCHAR(120)  NOT NULL,
  tekst           VARCHAR(100)  NOT NULL,
  argumenten      VARCHAR(2000) NULL,
  link            VARCHAR(200)  NULL,
  aangemaakt_op   DATETIME(6)   NOT NULL,
  gelezen_op      DATETIME(6)   NULL,
  PRIMARY KEY (id),
  CONSTRAINT fk_melding_burger FOREIGN KEY (burger_id) REFERENCES burger (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE UNIQUE INDEX ux_melding_public_id ON melding (public_id);
CREATE UNIQUE INDEX ux_melding_sleutel ON melding (burger_id, sleutel);
CREATE INDEX ix_melding_inbox ON melding (burger_id, aangemaakt_op);

-- The outbox: one delivery per message, channel and device (device_id 0 for e-mail), written in the same
-- transaction as the message. status: WACHT (to send), VERSTUURD, OVERGESLAGEN (channel off, no address or device),
-- OPGEGEVEN (dead letter after too many tries; reden says why).
-- niet_voor: not before this moment (UTC): quiet hours, backoff, and the claim: a dispatcher claims rows with
-- SELECT ... FOR UPDATE SKIP LOCKED and moves niet_voor a lease ahead; if it dies, the rows come free again then.
CREATE TABLE bezorging (
  id              BIGINT        NOT NULL AUTO_INCREMENT,
  melding_id      BIGINT        NOT NULL,
  kanaal          VARCHAR(10)   NOT NULL,
  device_id       BIGINT        NOT NULL DEFAULT 0,
  status          VARCHAR(12)   NOT NULL,
  niet_voor       DATETIME(6)   NOT NULL,
  pogingen        INT           NOT NULL DEFAULT 0,
  geclaimd_door   VARCHAR(60)   NULL,
  reden           VARCHAR(500)  NULL,
  verstuurd_op    DATETIME(6)   NULL,
  PRIMARY KEY (id),
  CONSTRAINT fk_bezorging_melding FOREIGN KEY (melding_id) REFERENCES melding (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE UNIQUE INDEX ux_bezorging ON bezorging (melding_id, kanaal, device_id);
CREATE INDEX ix_bezorging_te_doen ON bezorging (status, niet_voor);

-- What a citizen wants: per topic and channel on (1) or off (0); a missing row means on.
CREATE TABLE meldingsvoorkeur (
  burger_id       BIGINT        NOT NULL,
  onderwerp       VARCHAR(20)   NOT NULL,
  kanaal          VARCHAR(10)   NOT NULL,
  aan             BOOLEAN       NOT NULL,
  PRIMARY KEY (burger_id, onderwerp, kanaal),
  CONSTRAINT fk_meldingsvoorkeur_burger FOREIGN KEY (burger_id) REFERENCES burger (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Quiet hours, in Dutch time: no push or e-mail from `van` until `tot` (the inbox still shows everything).
ALTER TABLE burger ADD COLUMN stille_uren_van TIME NOT NULL DEFAULT '21:00:00';
ALTER TABLE burger ADD COLUMN stille_uren_tot TIME NOT NULL DEFAULT '08:00:00';

-- Devices expire after three months without a login; `verloopt_gemeld_op`: when the citizen was told it will.
ALTER TABLE device ADD COLUMN verloopt_gemeld_op DATETIME(6) NULL;
CREATE INDEX ix_device_last_seen ON device (last_seen_at);
