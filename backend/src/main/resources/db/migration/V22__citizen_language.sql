-- The language a citizen chose (docs/adr/0038-languages.md): nl, en, tr, ar, pl or uk; null: never chosen (Dutch).
-- Set when they pick a language on the web while signed in, or by the app (PUT /api/v1/taal); the generic texts of
-- pushes and e-mails are written in it.
ALTER TABLE burger ADD COLUMN taal VARCHAR(5) NULL;
