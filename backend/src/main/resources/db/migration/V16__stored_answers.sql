-- A creating API request's answer is kept with its Idempotency-Key as it was sent (ADR 0030): a retry gets the first
-- answer byte for byte, also after a later change. answer_headers: the answer's Content-Type and Location, one
-- "Name: value" a line; answer_body: the body as sent. Both NULL while an answer made after the commit is not stored
-- yet (and in rows from before this version): the next retry makes it and stores it. response_body now holds only what
-- such an answer is made from. Removed with the key after portal.idempotency.keep-for (IdempotencyPurge).
ALTER TABLE idempotency_record ADD COLUMN answer_headers VARCHAR(1000) NULL;
ALTER TABLE idempotency_record ADD COLUMN answer_body MEDIUMBLOB NULL;
