-- Rate-limit buckets shared by every instance (ADR 0045): one row per limit and client address or account, holding
-- Bucket4j's state; locked with SELECT ... FOR UPDATE while a request takes from it. verloopt_op: epoch millis after
-- which the bucket is full again and the row may go (removed every minute).
CREATE TABLE rate_limit_bucket (
  sleutel      VARCHAR(200)   NOT NULL,
  toestand     VARBINARY(2048) NULL,
  verloopt_op  BIGINT         NULL,
  PRIMARY KEY (sleutel)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_rate_limit_bucket_verloopt ON rate_limit_bucket (verloopt_op);
