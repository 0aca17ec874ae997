-- Generated reports (日统计 / 周通报 / 月考核). The files live under <data>/reports/ when the platform has a data
-- directory (file_name set); an in-memory platform keeps them in pdf_data / xlsx_data instead.
CREATE TABLE reports (
  id BIGINT PRIMARY KEY, kind VARCHAR(16) NOT NULL, period VARCHAR(16) NOT NULL, title VARCHAR(200) NOT NULL,
  generated_at BIGINT NOT NULL, generated_by VARCHAR(64) NOT NULL, pdf_bytes BIGINT NOT NULL, xlsx_bytes BIGINT NOT NULL,
  file_name VARCHAR(200), pdf_data BYTEA, xlsx_data BYTEA);
CREATE INDEX reports_kind_period ON reports (kind, period);
