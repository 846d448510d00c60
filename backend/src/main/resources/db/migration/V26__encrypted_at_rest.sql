-- BSNs and uploaded files encrypted at rest (AES-256-GCM, ADR 0042). Each encrypted value carries the id of the key
-- it was written with; the column sleutel repeats that id per row so the re-encryption job finds rows on an older key
-- (or still plain: NULL) through an index instead of reading every file.
-- burger: bsn_versleuteld holds the BSN encrypted, bsn_index a keyed hash (HMAC-SHA256) of it for the lookup at login,
-- unique as the BSN was. The plain bsn column is emptied at start-up by the portal (AtRestMigration, Java: it needs the
-- keys from the configuration) and dropped in a later release, once no instance of an older version runs.
ALTER TABLE burger MODIFY bsn CHAR(9) NULL;
ALTER TABLE burger ADD COLUMN bsn_versleuteld VARBINARY(128) NULL;
ALTER TABLE burger ADD COLUMN bsn_index BINARY(32) NULL;
ALTER TABLE burger ADD COLUMN sleutel VARCHAR(32) NULL;
CREATE UNIQUE INDEX ux_burger_bsn_index ON burger (bsn_index);
CREATE INDEX ix_burger_sleutel ON burger (sleutel);

ALTER TABLE wijziging_bijlage ADD COLUMN sleutel VARCHAR(32) NULL;
CREATE INDEX ix_wijziging_bijlage_sleutel ON wijziging_bijlage (sleutel);
ALTER TABLE inkomstenopgave_bijlage ADD COLUMN sleutel VARCHAR(32) NULL;
CREATE INDEX ix_inkomstenopgave_bijlage_sleutel ON inkomstenopgave_bijlage (sleutel);
ALTER TABLE documentverzoek_bijlage ADD COLUMN sleutel VARCHAR(32) NULL;
CREATE INDEX ix_documentverzoek_bijlage_sleutel ON documentverzoek_bijlage (sleutel);
ALTER TABLE bericht_bijlage ADD COLUMN sleutel VARCHAR(32) NULL;
CREATE INDEX ix_bericht_bijlage_sleutel ON bericht_bijlage (sleutel);
