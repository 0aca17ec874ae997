-- Issue 14 (identity): refresh tokens of a sign-in ("family"), and the append-only, hash-chained audit log.
-- Version 14.1 so that the migrations of issue 14's other parts (durability, input) can take 9…14.0 (ADR 0091).
ALTER TABLE sessions ADD COLUMN family VARCHAR(64);
CREATE INDEX sessions_family ON sessions (family);

CREATE TABLE refresh_tokens (
  token_hash VARCHAR(64) PRIMARY KEY, family VARCHAR(64) NOT NULL, username VARCHAR(64) NOT NULL,
  expires_at BIGINT NOT NULL, used BOOLEAN NOT NULL);
CREATE INDEX refresh_tokens_family ON refresh_tokens (family);
CREATE INDEX refresh_tokens_expiry ON refresh_tokens (expires_at);

-- Only ever INSERTed into by the platform; a trigger (installed at start, cn.tongguan.platform.audit.AppendOnlyTrigger)
-- refuses UPDATE and DELETE but for retention pruning. hash = SHA-256(prev_hash, id, at, actor, …, detail).
CREATE TABLE audit_log (
  id BIGINT PRIMARY KEY, at BIGINT NOT NULL, actor VARCHAR(64), role VARCHAR(16), address VARCHAR(64),
  action VARCHAR(40) NOT NULL, target VARCHAR(300), outcome VARCHAR(24) NOT NULL, detail VARCHAR(4000),
  prev_hash VARCHAR(64) NOT NULL, hash VARCHAR(64) NOT NULL);
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_actor ON audit_log (actor, id);
CREATE INDEX audit_log_action ON audit_log (action, id);
