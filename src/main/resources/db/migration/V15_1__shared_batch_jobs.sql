-- Issue 15: batch jobs shared by replicas (tradecheck.cluster.enabled=true, PostgreSQL). Plain SQL that H2 2.x and
-- PostgreSQL 13+ both accept; on a single node (H2 or PostgreSQL without replicas) these tables stay empty and jobs
-- keep their folder under the data dir as before. Numbered 15.1 (the issue) so it sorts after the other migrations.
--
-- A job row holds its status (the JSON the API shows) and its lease: the replica running it (node) renews lease_until
-- every few seconds; when a replica dies the lease runs out and another claims the job, adding one to attempt. Every
-- write of the old owner names the attempt it holds, so a replica that lost its job can no longer write to it.
CREATE TABLE batch_job (
    id           VARCHAR(36)              NOT NULL PRIMARY KEY,
    state        VARCHAR(16)              NOT NULL,
    status_json  VARCHAR(8000)            NOT NULL,
    caller       VARCHAR(200)             NOT NULL,
    submitted_at TIMESTAMP WITH TIME ZONE NOT NULL,
    node         VARCHAR(200),
    lease_until  TIMESTAMP WITH TIME ZONE,
    attempt      INTEGER                  NOT NULL,
    lines_done   BIGINT                   NOT NULL,
    summary_json VARCHAR(1000000)
);
CREATE INDEX batch_job_by_state ON batch_job (state, lease_until);

-- The uploaded order file, in parts of 1 MiB: what a replica taking a job over reads it from.
CREATE TABLE batch_job_input (
    job     VARCHAR(36) NOT NULL REFERENCES batch_job (id),
    part    INTEGER     NOT NULL,
    content BYTEA       NOT NULL,
    PRIMARY KEY (job, part)
);

-- One row per result line, in file order (seq 1, 2, ...): the results of a job, whoever ran which part of it. The key
-- makes a line impossible to store twice; lines_done of the job is updated in the same transaction.
CREATE TABLE batch_job_line (
    job         VARCHAR(36)     NOT NULL REFERENCES batch_job (id),
    seq         BIGINT          NOT NULL,
    file_line   BIGINT          NOT NULL,
    result_json VARCHAR(100000) NOT NULL,
    PRIMARY KEY (job, seq)
);
