-- Following an application to its decision (issue 14).
--
-- Documents for an application are document requests (the same upload, reminders, API and consulent view):
--   soort LOS: asked by the consulent on its own (all requests before this version);
--   soort BEWIJS: on the proof list of an application, asked by the portal when the application was sent
--     (medewerker_id empty), so the citizen can send it now or later, with reminders while it is missing;
--   soort HERSTEL: the consulent asks to complete the application (Awb 4:5); from the day after it was asked until
--     the first file arrives (or the last day passes unused) the decision period stands still (Awb 4:15).
ALTER TABLE documentverzoek MODIFY medewerker_id BIGINT NULL;
ALTER TABLE documentverzoek ADD COLUMN aanvraag_id BIGINT NULL;
ALTER TABLE documentverzoek ADD COLUMN soort VARCHAR(10) NOT NULL DEFAULT 'LOS';
ALTER TABLE documentverzoek ADD CONSTRAINT fk_documentverzoek_aanvraag FOREIGN KEY (aanvraag_id) REFERENCES aanvraag (id);
CREATE INDEX ix_documentverzoek_aanvraag ON documentverzoek (aanvraag_id);

-- A grant says when the money is paid: the citizen reads "uiterlijk ... op je rekening".
ALTER TABLE aanvraag ADD COLUMN besluit_betaaldatum DATE NULL;

-- Verdaging (Awb 4:14): the municipality names a later date before the period ends, with its reason. Once.
ALTER TABLE aanvraag ADD COLUMN verdaagd_tot DATE NULL;
ALTER TABLE aanvraag ADD COLUMN verdaagd_op DATETIME(6) NULL;
ALTER TABLE aanvraag ADD COLUMN verdaging_reden VARCHAR(1000) NULL;

-- Four eyes: a grant above the municipality's amount (rule aanvraag.vier_ogen_bedrag) is first proposed (status
-- VOORGESTELD, by voorgesteld_door) and takes effect only when a second employee agrees (besloten_door). A proposal
-- turned down goes back to VERSTUURD with the second employee's note (akkoord_notitie) for the first.
ALTER TABLE aanvraag ADD COLUMN voorgesteld_door BIGINT NULL;
ALTER TABLE aanvraag ADD COLUMN voorgesteld_op DATETIME(6) NULL;
ALTER TABLE aanvraag ADD COLUMN akkoord_notitie VARCHAR(1000) NULL;
ALTER TABLE aanvraag ADD CONSTRAINT fk_aanvraag_voorsteller FOREIGN KEY (voorgesteld_door) REFERENCES medewerker (id);

-- A bezwaar the citizen starts in the portal against a decision (Awb 6:4): why, when, and its reference. It reaches
-- the consulent's work list; te_laat: made after the bezwaartermijn (Awb 6:7, 6:8), with the citizen's reason (6:11).
CREATE TABLE bezwaar (
  id              BIGINT         NOT NULL AUTO_INCREMENT,
  public_id       CHAR(36)       NOT NULL,
  aanvraag_id     BIGINT         NOT NULL,
  burger_id       BIGINT         NOT NULL,
  kenmerk         VARCHAR(20)    NULL,
  waarom          VARCHAR(4000)  NOT NULL,
  te_laat_reden   VARCHAR(1000)  NULL,
  ingediend_op    DATETIME(6)    NOT NULL,
  gezien_door     BIGINT         NULL,
  gezien_op       DATETIME(6)    NULL,
  PRIMARY KEY (id),
  CONSTRAINT fk_bezwaar_aanvraag FOREIGN KEY (aanvraag_id) REFERENCES aanvraag (id),
  CONSTRAINT fk_bezwaar_burger FOREIGN KEY (burger_id) REFERENCES burger (id),
  CONSTRAINT fk_bezwaar_medewerker FOREIGN KEY (gezien_door) REFERENCES medewerker (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE UNIQUE INDEX ux_bezwaar_public_id ON bezwaar (public_id);
CREATE UNIQUE INDEX ux_bezwaar_aanvraag ON bezwaar (aanvraag_id);
CREATE UNIQUE INDEX ux_bezwaar_kenmerk ON bezwaar (kenmerk);
