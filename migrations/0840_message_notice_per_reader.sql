-- A staff answer is noticed to the person and to each representative who sees the person's conversations
-- (issue #17 item 5): one notice per message and reader, no longer one per message.
ALTER TABLE document_notice DROP CONSTRAINT document_notice_message_id_key;
ALTER TABLE document_notice ADD CONSTRAINT document_notice_message_reader_key UNIQUE (message_id, person_id);
