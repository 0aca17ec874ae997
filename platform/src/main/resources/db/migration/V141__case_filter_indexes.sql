-- Issue 16, item 7 (second half): an index per equality filter of the case list, each read in report order (the
-- default sort), so a filter that matches nothing answers at once. Measured on the demo city before
-- (platform/scripts/bench-case-list.sh): a source, small class or community that matches nothing 15–48 s, a
-- department 8–17 s; with these, ~20 ms. They waited for the history import to build indexes after its bulk load
-- (ADR 0141): row by row they made CI's import of 910,000 cases take 10 minutes. Not kind: with two values, both
-- common, its index only made H2 sort ~600,000 events (10 s) instead of reading a sort index.
CREATE INDEX cases_source ON cases (source, reported_at, id);
CREATE INDEX cases_big_code ON cases (big_code, reported_at, id);
CREATE INDEX cases_small_code ON cases (small_code, reported_at, id);
CREATE INDEX cases_community ON cases (community_code, reported_at, id);
CREATE INDEX cases_department_reported ON cases (department_code, reported_at, id);
