-- Files the citizen sent for a document request get a public id, so the app can name one to download it (issue 19,
-- ADR 0054). The internal id stays internal.
ALTER TABLE documentverzoek_bijlage ADD COLUMN public_id CHAR(36) NULL AFTER id;
UPDATE documentverzoek_bijlage SET public_id = UUID() WHERE public_id IS NULL;
ALTER TABLE documentverzoek_bijlage MODIFY public_id CHAR(36) NOT NULL;
CREATE UNIQUE INDEX ux_documentverzoek_bijlage_public_id ON documentverzoek_bijlage (public_id);
