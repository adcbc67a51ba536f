-- Version 2: the outbox (work for Moodle and certificate-service, written with the change that causes it)
-- and what the course keeps of each participant's Moodle account and online stage.

CREATE TABLE outbox_item (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    kind            VARCHAR(30)  NOT NULL,
    edition_code    VARCHAR(20)  NOT NULL,
    participant_id  BIGINT       NOT NULL,
    status          VARCHAR(10)  NOT NULL,
    attempts        INT          NOT NULL,
    next_attempt_at DATETIME(6)  NOT NULL,
    last_error      VARCHAR(1000),
    claimed_by      VARCHAR(80),
    claimed_until   DATETIME(6),
    created_at      DATETIME(6)  NOT NULL,
    done_at         DATETIME(6),
    version         BIGINT       NOT NULL
);

CREATE INDEX ix_outbox_due ON outbox_item (kind, status, next_attempt_at);
CREATE INDEX ix_outbox_edition ON outbox_item (edition_code, status);
CREATE INDEX ix_outbox_participant ON outbox_item (participant_id);

ALTER TABLE participant ADD COLUMN moodle_user_id BIGINT;
ALTER TABLE participant ADD COLUMN online_completed_at DATETIME(6);
