-- Certificate schema, version 1: certificates and their files, number sequences, signatories' registered
-- signing certificates, signing batches, the outbox and the audit log. MySQL syntax that H2 runs in MySQL mode.

CREATE TABLE certificate (
    id                          BIGINT AUTO_INCREMENT PRIMARY KEY,
    edition_code                VARCHAR(20)  NOT NULL,
    participant_id              BIGINT       NOT NULL,
    state_code                  CHAR(2)      NOT NULL,
    number                      VARCHAR(40)  NOT NULL,
    verification_code           CHAR(19)     NOT NULL,
    status                      VARCHAR(10)  NOT NULL,
    -- TRUE while not revoked, NULL once revoked: with the unique key below, one live certificate per participant.
    live                        BOOLEAN,
    holder_email                VARCHAR(254) NOT NULL,
    holder_first_name           VARCHAR(100) NOT NULL,
    holder_last_name            VARCHAR(100) NOT NULL,
    edition_title               VARCHAR(300) NOT NULL,
    course_hours                INT          NOT NULL,
    online_start                DATE         NOT NULL,
    online_end                  DATE         NOT NULL,
    f2f_start                   DATE,
    f2f_end                     DATE,
    state_name                  VARCHAR(200) NOT NULL,
    iin_signatory_name          VARCHAR(200) NOT NULL,
    iin_signatory_title         VARCHAR(200) NOT NULL,
    iin_signatory_institution   VARCHAR(200) NOT NULL,
    state_signatory_name        VARCHAR(200) NOT NULL,
    state_signatory_title       VARCHAR(200) NOT NULL,
    state_signatory_institution VARCHAR(200) NOT NULL,
    printed_language            VARCHAR(8)   NOT NULL,
    requested_language          VARCHAR(8)   NOT NULL,
    language_note               VARCHAR(300),
    issue_date                  DATE         NOT NULL,
    issued_at                   DATETIME(6)  NOT NULL,
    iin_signed_at               DATETIME(6),
    iin_signed_by               VARCHAR(80),
    iin_signed_how              VARCHAR(10),
    state_signed_at             DATETIME(6),
    state_signed_by             VARCHAR(80),
    state_signed_how            VARCHAR(10),
    signed_at                   DATETIME(6),
    delivered_at                DATETIME(6),
    revoked_at                  DATETIME(6),
    revoked_by                  VARCHAR(80),
    revocation_reason           VARCHAR(500),
    revocation_category         VARCHAR(30),
    revocation_requested        BOOLEAN      NOT NULL,
    revocation_requested_at     DATETIME(6),
    replaces_id                 BIGINT,
    replaced_by_id              BIGINT,
    version                     BIGINT       NOT NULL,
    CONSTRAINT uq_certificate_number UNIQUE (number),
    CONSTRAINT uq_certificate_code UNIQUE (verification_code),
    CONSTRAINT uq_certificate_live UNIQUE (edition_code, participant_id, live)
);

CREATE INDEX ix_certificate_list ON certificate (edition_code, state_code, status);
CREATE INDEX ix_certificate_state ON certificate (state_code, status);

-- The files, apart from the row so that lists never read them. MEDIUMBLOB: up to 16 MB (a certificate is ~100 KB).
CREATE TABLE certificate_file (
    certificate_id BIGINT     NOT NULL PRIMARY KEY,
    prepared_pdf   MEDIUMBLOB NOT NULL,
    current_pdf    MEDIUMBLOB NOT NULL,
    CONSTRAINT fk_file_certificate FOREIGN KEY (certificate_id) REFERENCES certificate (id)
);

CREATE TABLE number_sequence (
    sequence_key VARCHAR(30) NOT NULL PRIMARY KEY,
    last_value   INT         NOT NULL
);

-- One registered signing certificate per party: 'IIN' or a state's ISO alpha-2 code. Never a private key.
CREATE TABLE signatory_certificate (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    party           VARCHAR(3)   NOT NULL,
    certificate_der BLOB         NOT NULL,
    subject         VARCHAR(500) NOT NULL,
    serial_number   VARCHAR(100) NOT NULL,
    fingerprint     CHAR(64)     NOT NULL,
    not_before      DATETIME(6)  NOT NULL,
    not_after       DATETIME(6)  NOT NULL,
    source          VARCHAR(12)  NOT NULL,
    registered_at   DATETIME(6)  NOT NULL,
    registered_by   VARCHAR(80)  NOT NULL,
    version         BIGINT       NOT NULL,
    CONSTRAINT uq_signatory_party UNIQUE (party)
);

CREATE TABLE signing_batch (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    party        VARCHAR(3)  NOT NULL,
    edition_code VARCHAR(20),
    requested_by VARCHAR(80) NOT NULL,
    status       VARCHAR(10) NOT NULL,
    total        INT         NOT NULL,
    done_count   INT         NOT NULL,
    failed_count INT         NOT NULL,
    failures     TEXT,
    started_at   DATETIME(6) NOT NULL,
    updated_at   DATETIME(6) NOT NULL,
    finished_at  DATETIME(6),
    lease_until  DATETIME(6),
    version      BIGINT      NOT NULL
);

CREATE INDEX ix_batch_party ON signing_batch (party, status);

CREATE TABLE outbox_item (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    kind            VARCHAR(30)  NOT NULL,
    certificate_id  BIGINT       NOT NULL,
    status          VARCHAR(10)  NOT NULL,
    attempts        INT          NOT NULL,
    next_attempt_at DATETIME(6)  NOT NULL,
    last_error      VARCHAR(1000),
    claimed_by      VARCHAR(120),
    claimed_until   DATETIME(6),
    created_at      DATETIME(6)  NOT NULL,
    done_at         DATETIME(6),
    version         BIGINT       NOT NULL
);

CREATE INDEX ix_outbox_due ON outbox_item (kind, status, next_attempt_at);
CREATE INDEX ix_outbox_certificate ON outbox_item (certificate_id);

CREATE TABLE audit_entry (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    occurred_at  DATETIME(6)  NOT NULL,
    actor        VARCHAR(80)  NOT NULL,
    action       VARCHAR(60)  NOT NULL,
    entity_type  VARCHAR(40)  NOT NULL,
    entity_id    VARCHAR(80)  NOT NULL,
    edition_code VARCHAR(20),
    state_code   CHAR(2),
    before_state TEXT,
    after_state  TEXT
);

CREATE INDEX ix_audit_edition ON audit_entry (edition_code, id);
CREATE INDEX ix_audit_entity ON audit_entry (entity_type, entity_id);
