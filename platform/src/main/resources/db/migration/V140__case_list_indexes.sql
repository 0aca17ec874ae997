-- Issue 16, item 7: the case list's sorts each read an index in page order at 910,000 cases.
-- Measured before (platform/scripts/bench-case-list.sh on the demo city): sort=-updatedAt alone took 60 s.
-- The list pages by (column, id), so each sort has its index in that order.
CREATE INDEX cases_updated ON cases (updated_at, id);
DROP INDEX cases_deadline;
CREATE INDEX cases_deadline ON cases (deadline_at, id);
-- Not yet: an index per equality filter (source, class, community, department). Measured, they cut the filters
-- that match nothing from 15–48 s to ~20 ms, but the history import of 910,000 cases paid for them row by row
-- (a CI import of the demo history took 10 minutes); they wait for the import to build indexes after the bulk
-- load (docs/benchmarks.md, "Case list queries").
