-- Version 6: sign-in sessions of the pages. Only a SHA-256 of each token is stored, so a copy of the
-- database opens no session.
CREATE TABLE sign_in_session (
    token_hash   CHAR(64)    NOT NULL PRIMARY KEY,
    username     VARCHAR(80) NOT NULL,
    created_at   DATETIME(6) NOT NULL,
    last_seen_at DATETIME(6) NOT NULL
);
CREATE INDEX ix_sign_in_session_username ON sign_in_session (username);
