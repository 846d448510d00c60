-- When a reported change was handled and by whom (the step AFGEHANDELD), for the team lead's processing times
-- (docs/adr/0025-work-list-read-when-seen.md). Changes handled before this version have no moment (null): not counted.
ALTER TABLE wijziging ADD COLUMN afgehandeld_op DATETIME(6) NULL;
ALTER TABLE wijziging ADD COLUMN afgehandeld_door BIGINT NULL;
ALTER TABLE wijziging ADD CONSTRAINT fk_wijziging_afgehandeld_door FOREIGN KEY (afgehandeld_door) REFERENCES medewerker (id);
CREATE INDEX ix_wijziging_afgehandeld ON wijziging (afgehandeld_op);
