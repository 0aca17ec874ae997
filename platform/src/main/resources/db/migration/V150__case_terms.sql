-- Issue 16, item 7: the free-text index of the case list (ADR 0150). One row per distinct pair of adjacent
-- characters of a case's description and address (CaseTerms): a text of two or more characters is found through
-- its rarest pairs, and the LIKE then reads only those cases instead of all 910,000 (5–9 s). No primary key: rows
-- are appended in insertion order, and the one index below is what BulkIndexes sets aside and sorts once after a
-- history import. V151 fills it for the cases already there and then builds the index.
CREATE TABLE case_terms (term INTEGER NOT NULL, case_id BIGINT NOT NULL);
