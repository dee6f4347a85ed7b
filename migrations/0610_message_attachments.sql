-- Secure messages (issue #17 item 5): attachments under the evidence upload rules (type read from the content,
-- PDF/JPEG/PNG only, metadata stripped, 10 MB at most), stored encrypted as Protected B like the message itself;
-- and messages a representative writes for the person they act for.
CREATE TABLE message_attachment (
  id uuid PRIMARY KEY,
  message_id uuid NOT NULL REFERENCES message (id) ON DELETE CASCADE,
  thread_id uuid NOT NULL REFERENCES message_thread (id) ON DELETE CASCADE,
  media_type text NOT NULL CHECK (media_type IN ('application/pdf', 'image/jpeg', 'image/png')),
  size_bytes integer NOT NULL CHECK (size_bytes > 0),
  name_cipher text NOT NULL,
  content_cipher text NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX message_attachment_thread_idx ON message_attachment (thread_id, created_at);

ALTER TABLE message DROP CONSTRAINT message_author_check;
ALTER TABLE message ADD CONSTRAINT message_author_check CHECK (author IN ('person', 'representative', 'staff'));
