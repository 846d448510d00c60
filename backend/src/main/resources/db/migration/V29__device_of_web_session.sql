-- A browser's push registration (platform WEB, ADR 0049) belongs to the web login (portal_session) it was made with,
-- as a phone's belongs to its app login (V28): logging out in that browser, or ending that login on /sessies, removes
-- it, so no push goes to a browser that is no longer signed in. App registrations keep NULL here.
ALTER TABLE device ADD COLUMN portal_session_id CHAR(36) NULL;
ALTER TABLE device ADD CONSTRAINT fk_device_portal_session FOREIGN KEY (portal_session_id) REFERENCES portal_session (id);
CREATE INDEX ix_device_portal_session ON device (portal_session_id);
