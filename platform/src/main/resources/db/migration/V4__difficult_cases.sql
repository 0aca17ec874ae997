-- The ledger of difficult cases (疑难案件台账): cases the hall could not settle in the normal course, listed
-- for the monthly joint meeting; assigned_at is when a meeting handed the case out (null while open).
CREATE TABLE difficult_cases (
  case_id BIGINT PRIMARY KEY, listed_at BIGINT NOT NULL, assigned_at BIGINT, note VARCHAR(1000));
CREATE INDEX difficult_cases_listed ON difficult_cases (listed_at);
