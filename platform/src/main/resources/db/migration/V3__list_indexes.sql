-- "District, most urgent first": lets the list read this index in deadline order (see CaseQueries.leadingEquality).
CREATE INDEX cases_district_deadline ON cases (district_code, deadline_at, id);
-- Grid lists page by (reported_at, id): the id makes the index order total.
DROP INDEX cases_grid;
CREATE INDEX cases_grid ON cases (grid_code, reported_at, id);
