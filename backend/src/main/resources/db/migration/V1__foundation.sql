-- Foundation schema: municipalities, people, login for the mobile app, idempotency and audit.
-- Times are stored in UTC (DATETIME(6)); dates (birthdays, start dates) as DATE.
-- Indexes are separate statements so jOOQ's DDLDatabase can read this file.

CREATE TABLE gemeente (
  id              BIGINT       NOT NULL AUTO_INCREMENT,
  code            VARCHAR(10)  NOT NULL,
  naam            VARCHAR(100) NOT NULL,
  telefoon        VARCHAR(30)  NOT NULL,
  website         VARCHAR(200) NOT NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE UNIQUE INDEX ux_gemeente_code ON gemeente (code);

-- Consulenten and beheerders of a municipality. Roles: CONSULENT, BEHEERDER (comma separated).
CREATE TABLE medewerker (
  id              BIGINT       NOT NULL AUTO_INCREMENT,
  gemeente_id     BIGINT       NOT NULL,
  oidc_subject    VARCHAR(200) NOT NULL,
  naam            VARCHAR(200) NOT NULL,
  email           VARCHAR(200) NOT NULL,
  telefoon        VARCHAR(30)  NULL,
  rollen          VARCHAR(100) NOT NULL,
  actief          BOOLEAN      NOT NULL DEFAULT TRUE,
  PRIMARY KEY (id),
  CONSTRAINT fk_medewerker_gemeente FOREIGN KEY (gemeente_id) REFERENCES gemeente (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE UNIQUE INDEX ux_medewerker_subject ON medewerker (oidc_subject);

-- A person on bijstand. leefvorm: ALLEENSTAAND, ALLEENSTAANDE_OUDER, PARTNERS.
CREATE TABLE burger (
  id              BIGINT       NOT NULL AUTO_INCREMENT,
  gemeente_id     BIGINT       NOT NULL,
  bsn             CHAR(9)      NOT NULL,
  voornaam        VARCHAR(100) NOT NULL,
  achternaam      VARCHAR(150) NOT NULL,
  geboortedatum   DATE         NOT NULL,
  leefvorm        VARCHAR(30)  NOT NULL,
  straat          VARCHAR(150) NOT NULL,
  huisnummer      VARCHAR(20)  NOT NULL,
  postcode        VARCHAR(10)  NOT NULL,
  woonplaats      VARCHAR(100) NOT NULL,
  email           VARCHAR(200) NULL,
  bijstand_sinds  DATE         NOT NULL,
  consulent_id    BIGINT       NULL,
  PRIMARY KEY (id),
  CONSTRAINT fk_burger_gemeente FOREIGN KEY (gemeente_id) REFERENCES gemeente (id),
  CONSTRAINT fk_burger_consulent FOREIGN KEY (consulent_id) REFERENCES medewerker (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE UNIQUE INDEX ux_burger_bsn ON burger (bsn);
CREATE INDEX ix_burger_consulent ON burger (consulent_id);
CREATE INDEX ix_burger_gemeente ON burger (gemeente_id);

-- Other people in the home. relatie: PARTNER, KIND, OUDER, ANDERS.
-- status: GEEN, STUDIEFINANCIERING, BBL, KAMERHUURDER, KOSTGANGER (who does not count as kostendeler).
CREATE TABLE huishoudlid (
  id              BIGINT       NOT NULL AUTO_INCREMENT,
  burger_id       BIGINT       NOT NULL,
  voornaam        VARCHAR(100) NOT NULL,
  geboortedatum   DATE         NOT NULL,
  relatie         VARCHAR(20)  NOT NULL,
  status          VARCHAR(30)  NOT NULL,
  woont_sinds     DATE         NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT fk_huishoudlid_burger FOREIGN KEY (burger_id) REFERENCES burger (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_huishoudlid_burger ON huishoudlid (burger_id);

-- Push registrations of the mobile app (one row per FCM token).
CREATE TABLE device (
  id              BIGINT       NOT NULL AUTO_INCREMENT,
  public_id       CHAR(36)     NOT NULL,
  burger_id       BIGINT       NOT NULL,
  push_token      VARCHAR(512) NOT NULL,
  platform        VARCHAR(10)  NOT NULL,
  app_version     VARCHAR(40)  NOT NULL,
  created_at      DATETIME(6)  NOT NULL,
  last_seen_at    DATETIME(6)  NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT fk_device_burger FOREIGN KEY (burger_id) REFERENCES burger (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE UNIQUE INDEX ux_device_public_id ON device (public_id);
CREATE UNIQUE INDEX ux_device_push_token ON device (push_token);
CREATE INDEX ix_device_burger ON device (burger_id);

-- One login of the mobile app on one phone: a rotating refresh token, stored as a SHA-256 hash.
CREATE TABLE mobile_session (
  id                    BIGINT       NOT NULL AUTO_INCREMENT,
  public_id             CHAR(36)     NOT NULL,
  burger_id             BIGINT       NOT NULL,
  device_name           VARCHAR(100) NOT NULL,
  refresh_token_hash    CHAR(64)     NOT NULL,
  previous_token_hash   CHAR(64)     NULL,
  created_at            DATETIME(6)  NOT NULL,
  last_used_at          DATETIME(6)  NOT NULL,
  expires_at            DATETIME(6)  NOT NULL,
  revoked_at            DATETIME(6)  NULL,
  revoked_reason        VARCHAR(50)  NULL,
  PRIMARY KEY (id),
  CONSTRAINT fk_mobile_session_burger FOREIGN KEY (burger_id) REFERENCES burger (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE UNIQUE INDEX ux_mobile_session_public_id ON mobile_session (public_id);
CREATE UNIQUE INDEX ux_mobile_session_token ON mobile_session (refresh_token_hash);
CREATE INDEX ix_mobile_session_previous ON mobile_session (previous_token_hash);
CREATE INDEX ix_mobile_session_burger ON mobile_session (burger_id);

-- Short-lived, single-use authorization codes of the app login (RFC 8252 with PKCE, RFC 7636).
CREATE TABLE authorization_code (
  code_hash       CHAR(64)     NOT NULL,
  burger_id       BIGINT       NOT NULL,
  client_id       VARCHAR(100) NOT NULL,
  redirect_uri    VARCHAR(500) NOT NULL,
  code_challenge  VARCHAR(128) NOT NULL,
  expires_at      DATETIME(6)  NOT NULL,
  used_at         DATETIME(6)  NULL,
  PRIMARY KEY (code_hash),
  CONSTRAINT fk_authorization_code_burger FOREIGN KEY (burger_id) REFERENCES burger (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Answers to POST requests that carried an Idempotency-Key, so a retry gets the same answer.
CREATE TABLE idempotency_record (
  id              BIGINT        NOT NULL AUTO_INCREMENT,
  owner           VARCHAR(64)   NOT NULL,
  idempotency_key VARCHAR(128)  NOT NULL,
  request_hash    CHAR(64)      NOT NULL,
  status          INT           NOT NULL,
  response_body   MEDIUMTEXT    NOT NULL,
  created_at      DATETIME(6)   NOT NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE UNIQUE INDEX ux_idempotency_owner_key ON idempotency_record (owner, idempotency_key);
CREATE INDEX ix_idempotency_created ON idempotency_record (created_at);

-- What consulenten see and do. Never holds BSNs or amounts in details.
CREATE TABLE audit_event (
  id              BIGINT        NOT NULL AUTO_INCREMENT,
  occurred_at     DATETIME(6)   NOT NULL,
  medewerker_id   BIGINT        NOT NULL,
  burger_id       BIGINT        NULL,
  action          VARCHAR(60)   NOT NULL,
  details         VARCHAR(500)  NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT fk_audit_medewerker FOREIGN KEY (medewerker_id) REFERENCES medewerker (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_audit_burger ON audit_event (burger_id, occurred_at);
CREATE INDEX ix_audit_medewerker ON audit_event (medewerker_id, occurred_at);
