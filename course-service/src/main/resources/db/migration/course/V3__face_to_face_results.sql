-- Version 3: face-to-face results (score and note with the result) and the closing of a state's stage.
ALTER TABLE participant ADD COLUMN f2f_score DECIMAL(5,2);
ALTER TABLE participant ADD COLUMN f2f_note VARCHAR(1000);
ALTER TABLE participant ADD COLUMN f2f_recorded_at DATETIME(6);
ALTER TABLE agreement ADD COLUMN f2f_closed_at DATETIME(6);
-- The Moodle activity (course module id) that stands for the face-to-face stage, if the edition has one.
ALTER TABLE edition ADD COLUMN moodle_f2f_activity_id BIGINT;
