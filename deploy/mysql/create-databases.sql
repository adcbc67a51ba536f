-- One-time MySQL 8 / MariaDB set-up for the CSEC course manager, run as an administrator:
--   mysql -u root -p < deploy/mysql/create-databases.sql
-- Replace both passwords first (or better, run the statements by hand with passwords from your vault).
-- Each service owns its own schema; each gets a user that can touch only that schema.

CREATE DATABASE IF NOT EXISTS csec_course CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE IF NOT EXISTS csec_certificate CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- The services migrate their own schema at start-up (Flyway), so they need DDL rights on it, and only on it.
CREATE USER IF NOT EXISTS 'csec_course'@'%' IDENTIFIED BY 'CHANGE-ME-course';
GRANT SELECT, INSERT, UPDATE, DELETE, CREATE, ALTER, INDEX, DROP, REFERENCES, LOCK TABLES
    ON csec_course.* TO 'csec_course'@'%';

CREATE USER IF NOT EXISTS 'csec_certificate'@'%' IDENTIFIED BY 'CHANGE-ME-certificate';
GRANT SELECT, INSERT, UPDATE, DELETE, CREATE, ALTER, INDEX, DROP, REFERENCES, LOCK TABLES
    ON csec_certificate.* TO 'csec_certificate'@'%';
