-- Course schema, version 1: accounts, editions, agreements, participants and the audit log.
-- Written for MySQL/MariaDB; also runs on H2 in MySQL mode (the embedded default).

CREATE TABLE account (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    username      VARCHAR(80)  NOT NULL,
    display_name  VARCHAR(200) NOT NULL,
    email         VARCHAR(254),
    password_hash VARCHAR(200) NOT NULL,
    state_code    CHAR(2),
    language      VARCHAR(5)   NOT NULL,
    active        BOOLEAN      NOT NULL,
    created_at    DATETIME(6)  NOT NULL,
    version       BIGINT       NOT NULL,
    CONSTRAINT uk_account_username UNIQUE (username)
);

CREATE TABLE account_role (
    account_id BIGINT      NOT NULL,
    role       VARCHAR(30) NOT NULL,
    PRIMARY KEY (account_id, role),
    CONSTRAINT fk_account_role_account FOREIGN KEY (account_id) REFERENCES account (id)
);

CREATE TABLE edition (
    id                   BIGINT AUTO_INCREMENT PRIMARY KEY,
    code                 VARCHAR(20)  NOT NULL,
    title                VARCHAR(300) NOT NULL,
    language             VARCHAR(5)   NOT NULL,
    moodle_course_id     BIGINT,
    online_stage_start   DATE         NOT NULL,
    online_stage_end     DATE         NOT NULL,
    course_hours         INT          NOT NULL,
    certificate_template VARCHAR(50)  NOT NULL,
    status               VARCHAR(30)  NOT NULL,
    created_at           DATETIME(6)  NOT NULL,
    version              BIGINT       NOT NULL,
    CONSTRAINT uk_edition_code UNIQUE (code)
);

CREATE TABLE agreement (
    id                    BIGINT AUTO_INCREMENT PRIMARY KEY,
    edition_id            BIGINT       NOT NULL,
    state_code            CHAR(2)      NOT NULL,
    quota                 INT          NOT NULL,
    f2f_start             DATE,
    f2f_end               DATE,
    f2f_city              VARCHAR(120),
    f2f_modality          VARCHAR(20),
    f2f_hours             INT,
    f2f_evaluation        VARCHAR(1000),
    coordinator_name      VARCHAR(200),
    coordinator_email     VARCHAR(254),
    signatory_name        VARCHAR(200),
    signatory_title       VARCHAR(200),
    signatory_institution VARCHAR(300),
    version               BIGINT       NOT NULL,
    CONSTRAINT uk_agreement_edition_state UNIQUE (edition_id, state_code),
    CONSTRAINT fk_agreement_edition FOREIGN KEY (edition_id) REFERENCES edition (id)
);

CREATE TABLE participant (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    edition_id          BIGINT       NOT NULL,
    agreement_id        BIGINT       NOT NULL,
    state_code          CHAR(2)      NOT NULL,
    first_name          VARCHAR(100) NOT NULL,
    last_name           VARCHAR(100) NOT NULL,
    email               VARCHAR(254) NOT NULL,
    identity_document   VARCHAR(40),
    position_title      VARCHAR(200),
    institution         VARCHAR(200),
    ranking             INT          NOT NULL,
    status              VARCHAR(20)  NOT NULL,
    online_result       VARCHAR(20)  NOT NULL,
    face_to_face_result VARCHAR(20)  NOT NULL,
    nominated_at        DATETIME(6)  NOT NULL,
    status_changed_at   DATETIME(6)  NOT NULL,
    version             BIGINT       NOT NULL,
    -- The same person is never proposed twice in one edition (DESIGN §2), even by two racing requests.
    CONSTRAINT uk_participant_email UNIQUE (edition_id, email),
    CONSTRAINT uk_participant_document UNIQUE (edition_id, state_code, identity_document),
    CONSTRAINT fk_participant_edition FOREIGN KEY (edition_id) REFERENCES edition (id),
    CONSTRAINT fk_participant_agreement FOREIGN KEY (agreement_id) REFERENCES agreement (id)
);

CREATE INDEX ix_participant_agreement_status ON participant (agreement_id, status);

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
