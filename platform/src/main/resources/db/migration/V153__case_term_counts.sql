-- Issue 16, item 7 (ADR 0150): how many cases hold each character pair, so that the list picks a text's rarest
-- pairs without counting their rows (counting 60,000 index entries took ~150 ms, per pair). A planning figure only:
-- the pairs in case_terms decide what is found, and a pair missing here is taken as rare. Kept by each case write
-- (CaseTerms.addCounts) and by the history import; filled here from the pairs V151 wrote.
CREATE TABLE case_term_counts (term INTEGER PRIMARY KEY, n BIGINT NOT NULL);
INSERT INTO case_term_counts (term, n) SELECT term, COUNT(*) FROM case_terms GROUP BY term;
