-- Certificate schema, version 1: signatories' registered signing certificates. Certificates themselves
-- arrive with the certificate workflow (a later migration).
CREATE TABLE signing_credential (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    party             VARCHAR(10)  NOT NULL,
    state_code        CHAR(2),
    subject           VARCHAR(500) NOT NULL,
    certificate_der   BLOB         NOT NULL,
    registered_at     DATETIME(6)  NOT NULL
);
