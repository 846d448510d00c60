-- When anything about a change (wijziging) last changed: reported, its status, its proof added or deleted. The app's
-- list of changes pages by it and answers "changed since" with it (issue 19, ADR 0053).
ALTER TABLE wijziging ADD COLUMN gewijzigd_op DATETIME(6) NULL;
UPDATE wijziging SET gewijzigd_op = GREATEST(ingediend_op, COALESCE(afgehandeld_op, ingediend_op));
ALTER TABLE wijziging MODIFY gewijzigd_op DATETIME(6) NOT NULL;
CREATE INDEX ix_wijziging_burger_gewijzigd ON wijziging (burger_id, gewijzigd_op);
