-- Version 5: e-mail goes through the outbox too. Such items concern no participant and carry the message.
ALTER TABLE outbox_item MODIFY COLUMN participant_id BIGINT NULL;
ALTER TABLE outbox_item ADD COLUMN payload TEXT;
