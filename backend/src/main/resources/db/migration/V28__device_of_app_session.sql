-- A phone's push registration belongs to the app login (mobile_session) it was made with: the list names the phone
-- with the name the app gave at login and says which one is "this phone", and ending that login (logout in the app,
-- the citizen on /sessies, a stolen refresh token) removes the registration, so no push goes to a phone that is no
-- longer signed in. Registrations made before this have no session (NULL) and stay until the app registers again.
ALTER TABLE device ADD COLUMN mobile_session_id BIGINT NULL;
ALTER TABLE device ADD CONSTRAINT fk_device_mobile_session FOREIGN KEY (mobile_session_id) REFERENCES mobile_session (id);
CREATE INDEX ix_device_mobile_session ON device (mobile_session_id);
