-- A plain message from a consulent to a citizen (issue 5; a later issue builds the conversation around it).
-- The citizen reads it in the inbox: a `melding` with sleutel "bericht/<public_id>" is written in the same transaction.
CREATE TABLE bericht (
  id              BIGINT        NOT NULL AUTO_INCREMENT,
  public_id       CHAR(36)      NOT NULL,
  burger_id       BIGINT        NOT NULL,
  medewerker_id   BIGINT        NOT NULL,
  tekst           TEXT          NOT NULL,
  verstuurd_op    DATETIME(6)   NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT fk_bericht_burger FOREIGN KEY (burger_id) REFERENCES burger (id),
  CONSTRAINT fk_bericht_medewerker FOREIGN KEY (medewerker_id) REFERENCES medewerker (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE UNIQUE INDEX ux_bericht_public_id ON bericht (public_id);
CREATE INDEX ix_bericht_burger ON bericht (burger_id, verstuurd_op);

-- A consulent's message can be longer than 2000 characters once written as a JSON argument.
ALTER TABLE melding MODIFY argumenten TEXT NULL;
