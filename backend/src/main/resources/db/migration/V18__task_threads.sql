-- Tasks in the conversation (docs/adr/0031-a-task-is-a-conversation.md): every document request has its own
-- conversation, so both sides read its steps (asked, more time, send again, done, withdrawn) in one thread with the
-- messages written about it. documentverzoek_id: the request this conversation is about (null: a free conversation).
ALTER TABLE gesprek ADD COLUMN documentverzoek_id BIGINT NULL;
ALTER TABLE gesprek ADD CONSTRAINT fk_gesprek_documentverzoek FOREIGN KEY (documentverzoek_id) REFERENCES documentverzoek (id);
CREATE UNIQUE INDEX ux_gesprek_documentverzoek ON gesprek (documentverzoek_id);

-- The requests made before this version get theirs: started when asked, last moved at their last step.
-- (Data, not schema: hidden from jOOQ's code generator, which reads these files for the schema only.)
-- [jooq ignore start]
INSERT INTO gesprek (public_id, burger_id, onderwerp, gestart_door, gestart_op, laatste_bericht_op, documentverzoek_id)
  SELECT UUID(), d.burger_id, NULL, 'MEDEWERKER', d.gevraagd_op,
         GREATEST(d.gevraagd_op, COALESCE((SELECT MAX(s.op) FROM documentverzoek_stap s WHERE s.verzoek_id = d.id), d.gevraagd_op)),
         d.id
  FROM documentverzoek d;
-- [jooq ignore end]
