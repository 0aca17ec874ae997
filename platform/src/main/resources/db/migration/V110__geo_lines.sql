-- Geography served to maps that cache it (ADR 0110): the lines of the map (roads, waters, railways) ...
CREATE TABLE geo_lines (
  id VARCHAR(64) PRIMARY KEY, kind VARCHAR(16) NOT NULL, name VARCHAR(100) NOT NULL, line_class VARCHAR(32),
  generated BOOLEAN NOT NULL, geometry VARCHAR(1000000) NOT NULL);
CREATE INDEX geo_lines_kind ON geo_lines (kind, id);

-- ... where a part stands as people say it (平原路 128 号) ...
ALTER TABLE parts ADD COLUMN road VARCHAR(100);
ALTER TABLE parts ADD COLUMN door_number INTEGER;

-- ... and a version per layer, a fresh random token on every change, so that an ETag never repeats for other
-- data (a counter would start again at 1 in a database loaded afresh and answer 304 to a stale cache).
CREATE TABLE geo_versions (layer VARCHAR(32) PRIMARY KEY, token VARCHAR(64) NOT NULL);
INSERT INTO geo_versions (layer, token) VALUES ('divisions', 'initial-divisions');
INSERT INTO geo_versions (layer, token) VALUES ('lines', 'initial-lines');
INSERT INTO geo_versions (layer, token) VALUES ('parts', 'initial-parts');
