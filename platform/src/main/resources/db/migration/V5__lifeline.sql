-- Lifeline monitoring (issue 8, ADR 0060): thresholds as data, reading history, the alarm lifecycle, pushes to
-- the display wall. Portable SQL (H2 2.3 and PostgreSQL 15); instants are epoch milliseconds.

-- What a sensor of each kind measures when a reading names no quantity.
CREATE TABLE sensor_kinds (kind VARCHAR(32) PRIMARY KEY, main_quantity VARCHAR(16) NOT NULL, name VARCHAR(100) NOT NULL);
INSERT INTO sensor_kinds (kind, main_quantity, name) VALUES
  ('waterlogging', 'depth', '积水监测点'), ('underpass', 'level', '下穿通道水位'), ('manhole', 'tilt', '智能井盖');

-- Alarm kinds: the quantity watched, which way is bad ('above', 'below', or 'missed' heartbeats), how far back
-- past the lowest threshold a reading must fall to clear (hysteresis, so a gauge hovering at a threshold does
-- not raise and clear every minute), and the case an alarm files from which level (NULL: none).
CREATE TABLE alarm_kinds (
  kind VARCHAR(32) PRIMARY KEY, quantity VARCHAR(16) NOT NULL, direction VARCHAR(8) NOT NULL,
  hysteresis DOUBLE PRECISION NOT NULL, case_from_level VARCHAR(8), case_kind VARCHAR(8), case_big_code VARCHAR(16),
  case_small_code VARCHAR(16), case_urgency VARCHAR(8), name VARCHAR(100) NOT NULL);
-- 道路积水 is not in GB/T 47678.5's extract (domain.md §2): the demo city files it as 10003 (其他事项类);
-- a cover's case takes the class of the cover part under the sensor when there is one, else 01002.
INSERT INTO alarm_kinds (kind, quantity, direction, hysteresis, case_from_level, case_kind, case_big_code,
                         case_small_code, case_urgency, name) VALUES
  ('WATER_DEPTH', 'depth', 'above', 2, 'ORANGE', 'event', '10', '10003', 'urgent', '积水深度'),
  ('UNDERPASS_LEVEL', 'level', 'above', 2, 'ORANGE', 'event', '10', '10003', 'urgent', '下穿通道水位'),
  ('MANHOLE_TILT', 'tilt', 'above', 3, 'BLUE', 'part', '01', '01002', 'urgent', '井盖倾斜或开启'),
  ('MANHOLE_DISPLACEMENT', 'displacement', 'above', 2, 'BLUE', 'part', '01', '01002', 'urgent', '井盖位移或丢失'),
  ('MANHOLE_OVERFLOW', 'overflow', 'above', 5, 'BLUE', 'part', '01', '01002', 'urgent', '井下水位超限（满溢）'),
  ('LOW_BATTERY', 'battery', 'below', 5, NULL, NULL, NULL, NULL, NULL, '电量低'),
  ('NO_DATA', 'heartbeat', 'missed', 0, NULL, NULL, NULL, NULL, NULL, '设备离线（心跳中断）');

-- Threshold rules. sensor_id '*' is the default of a sensor kind; a sensor with rows of its own for an alarm kind
-- uses only those for that kind. rule: 'value' (reading at or past threshold), 'rise' (risen by more than
-- threshold within window_s), 'missed' (threshold heartbeat intervals of window_s without any reading).
CREATE TABLE alarm_thresholds (
  sensor_kind VARCHAR(32) NOT NULL, sensor_id VARCHAR(64) NOT NULL, alarm_kind VARCHAR(32) NOT NULL,
  level VARCHAR(8) NOT NULL, rule VARCHAR(8) NOT NULL, threshold DOUBLE PRECISION NOT NULL, window_s INTEGER,
  PRIMARY KEY (sensor_kind, sensor_id, alarm_kind, level, rule));
-- Defaults of domain.md §5: water blue 5 / yellow 15 / orange 25 (underpass closed) / red 40 cm or a rise of more
-- than 10 cm in 5 min; covers tilted past 15° (90° = open), displaced, overflowing; battery; gauges report every
-- 10 min, covers 4 times a day, offline after 3 missed heartbeats.
INSERT INTO alarm_thresholds (sensor_kind, sensor_id, alarm_kind, level, rule, threshold, window_s) VALUES
  ('waterlogging', '*', 'WATER_DEPTH', 'BLUE', 'value', 5, NULL),
  ('waterlogging', '*', 'WATER_DEPTH', 'YELLOW', 'value', 15, NULL),
  ('waterlogging', '*', 'WATER_DEPTH', 'ORANGE', 'value', 25, NULL),
  ('waterlogging', '*', 'WATER_DEPTH', 'RED', 'value', 40, NULL),
  ('waterlogging', '*', 'WATER_DEPTH', 'RED', 'rise', 10, 300),
  ('waterlogging', '*', 'LOW_BATTERY', 'YELLOW', 'value', 20, NULL),
  ('waterlogging', '*', 'LOW_BATTERY', 'ORANGE', 'value', 10, NULL),
  ('waterlogging', '*', 'NO_DATA', 'ORANGE', 'missed', 3, 600),
  ('underpass', '*', 'UNDERPASS_LEVEL', 'BLUE', 'value', 5, NULL),
  ('underpass', '*', 'UNDERPASS_LEVEL', 'YELLOW', 'value', 15, NULL),
  ('underpass', '*', 'UNDERPASS_LEVEL', 'ORANGE', 'value', 25, NULL),
  ('underpass', '*', 'UNDERPASS_LEVEL', 'RED', 'value', 40, NULL),
  ('underpass', '*', 'UNDERPASS_LEVEL', 'RED', 'rise', 10, 300),
  ('underpass', '*', 'LOW_BATTERY', 'YELLOW', 'value', 20, NULL),
  ('underpass', '*', 'LOW_BATTERY', 'ORANGE', 'value', 10, NULL),
  ('underpass', '*', 'NO_DATA', 'ORANGE', 'missed', 3, 600),
  ('manhole', '*', 'MANHOLE_TILT', 'YELLOW', 'value', 15, NULL),
  ('manhole', '*', 'MANHOLE_TILT', 'RED', 'value', 90, NULL),
  ('manhole', '*', 'MANHOLE_DISPLACEMENT', 'ORANGE', 'value', 10, NULL),
  ('manhole', '*', 'MANHOLE_DISPLACEMENT', 'RED', 'value', 50, NULL),
  ('manhole', '*', 'MANHOLE_OVERFLOW', 'YELLOW', 'value', 50, NULL),
  ('manhole', '*', 'MANHOLE_OVERFLOW', 'RED', 'value', 80, NULL),
  ('manhole', '*', 'LOW_BATTERY', 'YELLOW', 'value', 20, NULL),
  ('manhole', '*', 'LOW_BATTERY', 'ORANGE', 'value', 10, NULL),
  ('manhole', '*', 'NO_DATA', 'ORANGE', 'missed', 3, 21600);

-- The category the water alarms file (domain.md §2: 突发事件 道路积水; 路面积水 4 工作时).
INSERT INTO categories (kind, code, level, parent_code, name) VALUES ('event', '10003', 'small', '10', '道路积水');
INSERT INTO time_limits (kind, category_code, urgency, amount, unit) VALUES
  ('event', '10003', 'normal', 4, 'work_hour'), ('event', '10003', 'urgent', 2, 'hour');

-- When a sensor was last heard of (any reading, heartbeats included): what the NoData watchdog reads.
ALTER TABLE sensors ADD COLUMN seen_at BIGINT;

-- Reading history for trend charts, pruned by age (settings 'lifeline.readings.keepDays').
CREATE TABLE sensor_readings (
  sensor_id VARCHAR(64) NOT NULL, quantity VARCHAR(16) NOT NULL, at BIGINT NOT NULL, val DOUBLE PRECISION NOT NULL);
CREATE INDEX sensor_readings_sensor_at ON sensor_readings (sensor_id, at);
CREATE INDEX sensor_readings_at ON sensor_readings (at);
INSERT INTO settings (name, val) VALUES ('lifeline.readings.keepDays', '30');

-- Alarms. open_key is 'sensor|kind' while the alarm is not cleared and NULL after: the unique index keeps one
-- open alarm per sensor and kind (NULLs do not collide on H2 or PostgreSQL).
CREATE TABLE alarms (
  id BIGINT PRIMARY KEY, sensor_id VARCHAR(64) NOT NULL, sensor_kind VARCHAR(32) NOT NULL, kind VARCHAR(32) NOT NULL,
  level VARCHAR(8) NOT NULL, val DOUBLE PRECISION NOT NULL, threshold DOUBLE PRECISION NOT NULL,
  state VARCHAR(16) NOT NULL, raised_at BIGINT NOT NULL, updated_at BIGINT NOT NULL,
  acknowledged_by VARCHAR(64), acknowledged_at BIGINT, acknowledge_note VARCHAR(500),
  cleared_by VARCHAR(64), cleared_at BIGINT, clear_note VARCHAR(500),
  case_id BIGINT, camera_ids VARCHAR(1000), open_key VARCHAR(100));
CREATE UNIQUE INDEX alarms_open ON alarms (open_key);
CREATE INDEX alarms_sensor ON alarms (sensor_id, id);
CREATE INDEX alarms_state ON alarms (state, id);

-- Pushes of a case or a camera to the wall: the audit.
CREATE TABLE wall_pushes (
  id BIGINT PRIMARY KEY, kind VARCHAR(8) NOT NULL, target VARCHAR(64) NOT NULL, note VARCHAR(500),
  pushed_by VARCHAR(64) NOT NULL, at BIGINT NOT NULL);
CREATE INDEX wall_pushes_at ON wall_pushes (at);
