-- Version 4: leases for background jobs that one instance at a time should run (e.g. reading completion).
CREATE TABLE job_lease (
    name   VARCHAR(60)  NOT NULL PRIMARY KEY,
    holder VARCHAR(120),
    until  DATETIME(6)
);
INSERT INTO job_lease (name) VALUES ('moodle-completion');
