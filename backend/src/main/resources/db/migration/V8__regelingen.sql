-- The answers a citizen gave in "Waar heb ik recht op?" (only what the portal did not know), kept so the home page
-- and the app can show what they may be entitled to, and so the check is not asked twice. One row per citizen.
CREATE TABLE regelingen_antwoorden (
  burger_id     BIGINT        NOT NULL,
  antwoorden    VARCHAR(2000) NOT NULL,
  bijgewerkt_op DATETIME(6)   NOT NULL,
  PRIMARY KEY (burger_id),
  CONSTRAINT fk_regelingen_antwoorden_burger FOREIGN KEY (burger_id) REFERENCES burger (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
