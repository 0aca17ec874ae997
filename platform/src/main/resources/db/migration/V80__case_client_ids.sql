-- The client-made id of a report (NewCase.clientId, ADR 0081): one case per reporting user and client id, for ever,
-- so a replay long after the idempotency window (7 days) answers the case first filed instead of filing it again.
CREATE TABLE case_client_ids (
  reported_by VARCHAR(64) NOT NULL, client_id VARCHAR(64) NOT NULL, case_id BIGINT NOT NULL,
  PRIMARY KEY (reported_by, client_id));

-- The Idempotency-Key a transition was sent with (ADR 0082): a replay whose idempotency record a crash took back is
-- recognised by the step it made, in the step's own transaction.
ALTER TABLE case_transitions ADD COLUMN request_key VARCHAR(200);
