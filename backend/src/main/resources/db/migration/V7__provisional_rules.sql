-- A rule value that is not confirmed yet (e.g. a norm worked out from the law before the normenbrief confirms it).
-- Pages and the API mark every amount that rests on it.
ALTER TABLE regel_periode ADD COLUMN voorlopig BOOLEAN NOT NULL DEFAULT FALSE;
