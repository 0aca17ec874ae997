-- Several platform instances on one PostgreSQL (ADR 0101). Every write transaction first bumps this one row: the
-- row lock orders writers across instances (event ids commit in id order, as ADR 0011 needs), and the number tells an
-- instance whether another one wrote since its own last write (then it reloads what it keeps in memory).
CREATE TABLE cluster_epoch (id INT PRIMARY KEY, n BIGINT NOT NULL);
INSERT INTO cluster_epoch (id, n) VALUES (1, 0);
-- Change counters of things instances keep loaded (reference data, thresholds): reloaded only when theirs moved.
CREATE TABLE cluster_topics (topic VARCHAR(40) PRIMARY KEY, n BIGINT NOT NULL);
-- Failed sign-ins and lockouts, shared by the instances (an attacker gains nothing by switching instance).
CREATE TABLE sign_in_failures (lock_key VARCHAR(200) NOT NULL, at BIGINT NOT NULL);
CREATE INDEX sign_in_failures_key ON sign_in_failures (lock_key, at);
CREATE TABLE sign_in_locks (lock_key VARCHAR(200) PRIMARY KEY, until_at BIGINT NOT NULL);
