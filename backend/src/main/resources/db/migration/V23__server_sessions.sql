-- Server-side sessions (issue 17, ADR 0039). One row per web login; the session cookie's JWT carries its id (sid)
-- and every request checks it (cached a few seconds). App logins keep their row in mobile_session; kind says which.
CREATE TABLE portal_session (
  id               CHAR(36)     NOT NULL,
  kind             VARCHAR(3)   NOT NULL,
  burger_id        BIGINT       NULL,
  medewerker_id    BIGINT       NULL,
  device           VARCHAR(100) NOT NULL,
  created_at       DATETIME(6)  NOT NULL,
  last_seen_at     DATETIME(6)  NOT NULL,
  absolute_end_at  DATETIME(6)  NOT NULL,
  ended_at         DATETIME(6)  NULL,
  ended_reason     VARCHAR(50)  NULL,
  PRIMARY KEY (id),
  CONSTRAINT fk_portal_session_burger FOREIGN KEY (burger_id) REFERENCES burger (id),
  CONSTRAINT fk_portal_session_medewerker FOREIGN KEY (medewerker_id) REFERENCES medewerker (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_portal_session_burger ON portal_session (burger_id, ended_at);
CREATE INDEX ix_portal_session_medewerker ON portal_session (medewerker_id, ended_at);

-- An app login ends at the latest this long after it began, however often it is refreshed.
ALTER TABLE mobile_session ADD COLUMN absolute_expires_at DATETIME(6) NULL;
UPDATE mobile_session SET absolute_expires_at = expires_at;
ALTER TABLE mobile_session MODIFY absolute_expires_at DATETIME(6) NOT NULL;

-- Every refresh token ever rotated away: presenting one, at any depth, ends its whole session (the family).
CREATE TABLE mobile_refresh_token_used (
  token_hash          CHAR(64)    NOT NULL,
  mobile_session_id   BIGINT      NOT NULL,
  used_at             DATETIME(6) NOT NULL,
  PRIMARY KEY (token_hash),
  CONSTRAINT fk_refresh_used_session FOREIGN KEY (mobile_session_id) REFERENCES mobile_session (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
