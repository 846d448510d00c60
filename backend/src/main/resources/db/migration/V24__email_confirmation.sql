-- An e-mail address the citizen gave and has not confirmed yet (docs/adr/0040-email-confirmation-and-offline-home.md).
-- burger.email holds only a CONFIRMED address: the outbox writes e-mail deliveries from it alone, so nothing goes to an
-- address before its owner clicked the link. One waiting address per citizen; giving another replaces it.
--   token_hash: SHA-256 (hex) of the one-time token in the link; the token itself is never stored;
--   verloopt_op: after this (UTC) the link no longer works; the row is removed when the link is used.
CREATE TABLE email_bevestiging (
  burger_id     BIGINT        NOT NULL,
  adres         VARCHAR(200)  NOT NULL,
  token_hash    CHAR(64)      NOT NULL,
  aangemaakt_op DATETIME(6)   NOT NULL,
  verloopt_op   DATETIME(6)   NOT NULL,
  PRIMARY KEY (burger_id),
  CONSTRAINT fk_email_bevestiging_burger FOREIGN KEY (burger_id) REFERENCES burger (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE UNIQUE INDEX ux_email_bevestiging_token ON email_bevestiging (token_hash);

-- When the address in burger.email was confirmed (null for addresses from before this, which the municipality entered).
ALTER TABLE burger ADD COLUMN email_bevestigd_op DATETIME(6) NULL;
