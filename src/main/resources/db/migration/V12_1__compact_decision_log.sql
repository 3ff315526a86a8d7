-- Issue 12: the decision log at a few hundred bytes a decision. Plain SQL that H2 2.x and PostgreSQL 13+ both accept.
-- Numbered 12.1 (the issue) so that it sorts after the other branches' migrations without clashing with them.
--
-- A decision is deterministic: the same request on the same rule set and evaluation date gives the same answer. So a
-- row keeps the request, the outcome, the rates, the rule ids, the rule set and the SHA-256 of the answer it sent; the
-- full answer (~3 KB of findings with legal bases and explanations) is rebuilt on demand by replaying the request on
-- the recorded rule set (the rule history keeps its files) and checked against that digest. The full answer is stored
-- only when its rule set is not in the rule history (answer_json), so nothing is ever unrecoverable.
--
-- The id is a UUID version 7 (time-ordered, ms precision): its primary-key index is also the time index, so the row
-- has no separate timestamp column or index (decidedAt is the id's time). Rule sets and batch jobs are small integer
-- keys into their own tables: a batch line carries 8 bytes of batch identity instead of a 36-character job id; so are
-- the lists of rule ids. The request is stored without its reference (a column of its own), put back when read.

CREATE TABLE decision_rule_set (
    id      INTEGER      NOT NULL PRIMARY KEY,
    digest  VARCHAR(80)  NOT NULL UNIQUE,
    version VARCHAR(100) NOT NULL
);

CREATE TABLE decision_batch (
    id  INTEGER     NOT NULL PRIMARY KEY,
    job VARCHAR(64) NOT NULL UNIQUE
);

-- The rule ids of a decision's findings, space-separated: a few hundred distinct lists for millions of decisions.
CREATE TABLE decision_rule_ids (
    id       INTEGER       NOT NULL PRIMARY KEY,
    rule_ids VARCHAR(4000) NOT NULL
);

CREATE TABLE decision_entry (
    id              UUID          NOT NULL PRIMARY KEY,
    caller          VARCHAR(200)  NOT NULL,
    reference       VARCHAR(200),
    outcome         VARCHAR(32)   NOT NULL,
    rule_set        INTEGER       NOT NULL,
    batch           INTEGER,
    batch_line      INTEGER,
    evaluation_date DATE,
    duty_rate       NUMERIC(12, 4),
    duty            NUMERIC(22, 2),
    rule_ids        INTEGER,
    answer_sha256   BYTEA,
    request_json    VARCHAR(70000) NOT NULL,
    answer_json     VARCHAR(1000000)
);
CREATE INDEX decision_entry_by_reference ON decision_entry (reference);
CREATE INDEX decision_entry_by_batch ON decision_entry (batch, batch_line);

-- Decisions logged before this migration keep their full answer (answer_json) and lose only sub-millisecond time.
INSERT INTO decision_rule_set (id, digest, version)
SELECT ROW_NUMBER() OVER (ORDER BY rule_set_digest), rule_set_digest, MIN(rule_set_version)
FROM decision GROUP BY rule_set_digest;
INSERT INTO decision_batch (id, job)
SELECT ROW_NUMBER() OVER (ORDER BY batch_job), batch_job FROM decision WHERE batch_job IS NOT NULL GROUP BY batch_job;
INSERT INTO decision_entry (id, caller, reference, outcome, rule_set, batch, batch_line, request_json, answer_json)
SELECT CAST(d.id AS UUID), d.caller, d.reference, d.outcome, r.id, b.id, d.batch_line, d.request_json, d.response_json
FROM decision d JOIN decision_rule_set r ON r.digest = d.rule_set_digest LEFT JOIN decision_batch b ON b.job = d.batch_job;
DROP TABLE decision;
