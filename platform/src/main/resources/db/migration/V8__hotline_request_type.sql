-- Hotline work orders (12319/12345) keep the caller's request type: consult, help, complaint, report, suggestion.
ALTER TABLE cases ADD COLUMN request_type VARCHAR(16);
