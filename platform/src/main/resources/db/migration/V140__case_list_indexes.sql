-- Issue 16, item 7: every documented filter and sort of the case list answers from an index at 910,000 cases.
-- Measured before (platform/scripts/bench-case-list.sh on the demo city): sort=-updatedAt alone 60 s, a source,
-- small class or community that matches nothing 15–48 s, a department 8–17 s.
-- Sorting: the list pages by (column, id), so each sort has its index in that order.
CREATE INDEX cases_updated ON cases (updated_at, id);
DROP INDEX cases_deadline;
CREATE INDEX cases_deadline ON cases (deadline_at, id);
-- Equality filters, each read in report order (the default sort) and answering "nothing" at once. Not kind: with
-- two values, both common, its index only made H2 sort ~600,000 events (10 s) instead of reading a sort index.
CREATE INDEX cases_source ON cases (source, reported_at, id);
CREATE INDEX cases_big_code ON cases (big_code, reported_at, id);
CREATE INDEX cases_small_code ON cases (small_code, reported_at, id);
CREATE INDEX cases_community ON cases (community_code, reported_at, id);
CREATE INDEX cases_department_reported ON cases (department_code, reported_at, id);
