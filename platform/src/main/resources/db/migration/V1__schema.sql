-- Portable SQL: runs unchanged on H2 2.3 and PostgreSQL 15. Instants are epoch milliseconds (BIGINT,
-- UTC); coordinates are WGS84 lng/lat doubles; codes are strings. Spatial work happens in the platform (JTS)
-- over bbox-indexed doubles (ADR 0012).

CREATE TABLE settings (name VARCHAR(64) PRIMARY KEY, val VARCHAR(2000) NOT NULL);

CREATE TABLE divisions (
  code VARCHAR(12) PRIMARY KEY, name VARCHAR(100) NOT NULL, level VARCHAR(16) NOT NULL, parent_code VARCHAR(12),
  geometry VARCHAR(1000000));
CREATE INDEX divisions_parent ON divisions (parent_code);

CREATE TABLE grids (
  code VARCHAR(15) PRIMARY KEY, community_code VARCHAR(12), street_code VARCHAR(12), district_code VARCHAR(12),
  geometry VARCHAR(1000000) NOT NULL,
  min_lng DOUBLE PRECISION NOT NULL, min_lat DOUBLE PRECISION NOT NULL,
  max_lng DOUBLE PRECISION NOT NULL, max_lat DOUBLE PRECISION NOT NULL);

CREATE TABLE categories (
  kind VARCHAR(8) NOT NULL, code VARCHAR(16) NOT NULL, level VARCHAR(8) NOT NULL, parent_code VARCHAR(16),
  name VARCHAR(100) NOT NULL, PRIMARY KEY (kind, code));

CREATE TABLE time_limits (
  kind VARCHAR(8) NOT NULL, category_code VARCHAR(16) NOT NULL, urgency VARCHAR(8) NOT NULL,
  amount INTEGER NOT NULL, unit VARCHAR(16) NOT NULL, PRIMARY KEY (kind, category_code, urgency));

CREATE TABLE departments (code VARCHAR(32) PRIMARY KEY, name VARCHAR(100) NOT NULL);
-- What a department handles where; '*' means any category / any district.
CREATE TABLE department_scopes (
  department_code VARCHAR(32) NOT NULL, category_code VARCHAR(16) NOT NULL, district_code VARCHAR(12) NOT NULL,
  PRIMARY KEY (department_code, category_code, district_code));

CREATE TABLE parts (
  code VARCHAR(32) PRIMARY KEY, small_code VARCHAR(16) NOT NULL, name VARCHAR(100),
  lng DOUBLE PRECISION NOT NULL, lat DOUBLE PRECISION NOT NULL, grid_code VARCHAR(15),
  department_code VARCHAR(32), status VARCHAR(16));
CREATE INDEX parts_lng_lat ON parts (lng, lat);

CREATE TABLE cameras (
  id VARCHAR(64) PRIMARY KEY, name VARCHAR(100), lng DOUBLE PRECISION NOT NULL, lat DOUBLE PRECISION NOT NULL,
  stream_url VARCHAR(500), status VARCHAR(16) NOT NULL);

CREATE TABLE sensors (
  id VARCHAR(64) PRIMARY KEY, kind VARCHAR(32) NOT NULL, name VARCHAR(100),
  lng DOUBLE PRECISION NOT NULL, lat DOUBLE PRECISION NOT NULL, unit VARCHAR(16), threshold DOUBLE PRECISION,
  last_value DOUBLE PRECISION, last_at BIGINT);

-- Exceptions to "Monday–Friday work": holidays (working = false) and 调休 weekend days (working = true).
CREATE TABLE calendar_days (cal_day DATE PRIMARY KEY, working BOOLEAN NOT NULL);

CREATE TABLE users (
  username VARCHAR(64) PRIMARY KEY, display_name VARCHAR(100) NOT NULL, role VARCHAR(16) NOT NULL,
  department_code VARCHAR(32), password_hash VARCHAR(200) NOT NULL, active BOOLEAN NOT NULL, created_at BIGINT NOT NULL);

CREATE TABLE sessions (token_hash VARCHAR(64) PRIMARY KEY, username VARCHAR(64) NOT NULL, expires_at BIGINT NOT NULL);
CREATE INDEX sessions_expiry ON sessions (expires_at);

CREATE TABLE cases (
  id BIGINT PRIMARY KEY, case_no VARCHAR(20) NOT NULL, state VARCHAR(24) NOT NULL, source VARCHAR(16) NOT NULL,
  kind VARCHAR(8) NOT NULL, big_code VARCHAR(16) NOT NULL, small_code VARCHAR(16) NOT NULL,
  lng DOUBLE PRECISION NOT NULL, lat DOUBLE PRECISION NOT NULL,
  district_code VARCHAR(12), street_code VARCHAR(12), community_code VARCHAR(12), grid_code VARCHAR(15),
  part_code VARCHAR(32), address VARCHAR(256), description VARCHAR(2000) NOT NULL, urgency VARCHAR(8) NOT NULL,
  reporter_name VARCHAR(64), reporter_phone VARCHAR(32), reported_by VARCHAR(64), department_code VARCHAR(32),
  version BIGINT NOT NULL, reported_at BIGINT NOT NULL, updated_at BIGINT NOT NULL,
  filed_at BIGINT, dispatched_at BIGINT, disposed_at BIGINT, closed_at BIGINT,
  -- disposal clock (ADR 0013): limit and consumed minutes on the limit's clock (working or natural)
  limit_amount INTEGER, limit_unit VARCHAR(16), limit_minutes BIGINT, consumed_minutes BIGINT,
  clock_started_at BIGINT, warn_at BIGINT, deadline_at BIGINT, frozen_light VARCHAR(8),
  disposed_in_time BOOLEAN, closed_in_time BOOLEAN,
  rework_count INTEGER NOT NULL, back_count INTEGER NOT NULL, extension_count INTEGER NOT NULL,
  requested_hours INTEGER);
CREATE UNIQUE INDEX cases_case_no ON cases (case_no);
CREATE INDEX cases_reported ON cases (reported_at, id);
CREATE INDEX cases_state ON cases (state, reported_at, id);
CREATE INDEX cases_district ON cases (district_code, reported_at, id);
CREATE INDEX cases_street ON cases (street_code, reported_at, id);
CREATE INDEX cases_grid ON cases (grid_code, reported_at);
CREATE INDEX cases_department ON cases (department_code, state, reported_at);
CREATE INDEX cases_deadline ON cases (deadline_at);

CREATE TABLE case_transitions (
  case_id BIGINT NOT NULL, seq INTEGER NOT NULL, action VARCHAR(32) NOT NULL, from_state VARCHAR(24),
  to_state VARCHAR(24) NOT NULL, actor VARCHAR(64) NOT NULL, role VARCHAR(16) NOT NULL, at BIGINT NOT NULL,
  note VARCHAR(1000), PRIMARY KEY (case_id, seq));

CREATE TABLE case_photos (
  id BIGINT PRIMARY KEY, case_id BIGINT NOT NULL, stage VARCHAR(16) NOT NULL, content_type VARCHAR(64) NOT NULL,
  size_bytes BIGINT NOT NULL, file_name VARCHAR(200) NOT NULL, uploaded_at BIGINT NOT NULL, uploaded_by VARCHAR(64) NOT NULL);
CREATE INDEX case_photos_case ON case_photos (case_id);

-- The event log: ids are allocated under the write lock, so they are committed in increasing order.
CREATE TABLE events (id BIGINT PRIMARY KEY, type VARCHAR(32) NOT NULL, at BIGINT NOT NULL, payload VARCHAR(1000000) NOT NULL);
CREATE INDEX events_at ON events (at);

CREATE TABLE idempotency_keys (
  username VARCHAR(64) NOT NULL, idem_key VARCHAR(200) NOT NULL, fingerprint VARCHAR(200) NOT NULL,
  status INTEGER NOT NULL, body VARCHAR(1000000) NOT NULL, created_at BIGINT NOT NULL,
  PRIMARY KEY (username, idem_key));
CREATE INDEX idempotency_created ON idempotency_keys (created_at);
