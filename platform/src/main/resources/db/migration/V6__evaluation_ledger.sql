-- Evaluation (ADR 0070) and the ledger of difficult cases (疑难案件台账).
-- Evaluation needs no new index: it reads the cohort of cases reported in a period through cases_reported (V1)
-- and their steps through the case_transitions primary key (see docs/benchmarks.md, "Evaluation (issue 9)").

-- Ledger entries gain who listed them and why, the department a meeting let claim the case, the deadline it
-- set, and when the entry closed (its case closed or was voided). assigned_at (V4) stays "现场交办 at".
ALTER TABLE difficult_cases ADD COLUMN reason VARCHAR(1000);
ALTER TABLE difficult_cases ADD COLUMN listed_by VARCHAR(64);
ALTER TABLE difficult_cases ADD COLUMN department_code VARCHAR(32);
ALTER TABLE difficult_cases ADD COLUMN deadline_at BIGINT;
ALTER TABLE difficult_cases ADD COLUMN closed_at BIGINT;
CREATE INDEX difficult_cases_closed ON difficult_cases (closed_at, listed_at);

-- What a meeting said about a ledger case, in order.
CREATE TABLE difficult_case_discussions (
  case_id BIGINT NOT NULL, seq INTEGER NOT NULL, at BIGINT NOT NULL, by_user VARCHAR(64) NOT NULL,
  notes VARCHAR(2000) NOT NULL, decision VARCHAR(1000), department_code VARCHAR(32), deadline_at BIGINT,
  on_the_spot BOOLEAN NOT NULL, PRIMARY KEY (case_id, seq));
