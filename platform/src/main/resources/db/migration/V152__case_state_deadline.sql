-- Issue 16, item 7: a state's cases by deadline (the work queue's "handling, most urgent first"). Hiding the state
-- from H2 (ListPlan) does not help here: the earliest deadlines are two years old and closed, so reading the
-- deadline index until 50 handling cases turn up reads most of the table; H2 sorted the state's 8,000-17,000 cases
-- instead (0.9 s). Read in page order from this index, the page stops after 51 entries.
CREATE INDEX cases_state_deadline ON cases (state, deadline_at, id);
