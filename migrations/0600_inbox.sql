-- The person's documents (issue #17): every letter Guichet sends, stored once, encrypted as Protected B (the
-- letter itself, title included, is one ciphertext), in the person's official language.
CREATE TABLE person_document (
  id uuid PRIMARY KEY,
  person_id uuid NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  -- The case (application, decision, payment) the document belongs to, when there is one.
  case_id text,
  kind text NOT NULL,
  lang text NOT NULL CHECK (lang IN ('en', 'fr')),
  letter_cipher text NOT NULL,
  -- "Stored once": the event that produced it (e.g. `decision:<id>`); a replay delivers nothing new.
  source_key text NOT NULL UNIQUE,
  delivery text NOT NULL CHECK (delivery IN ('online', 'paper')),
  created_at timestamptz NOT NULL,
  read_at timestamptz,
  retain_until date NOT NULL
);
CREATE INDEX person_document_person_idx ON person_document (person_id, created_at DESC);
CREATE INDEX person_document_retention_idx ON person_document (retain_until);

-- One notice per document or per message at most, by email or SMS; its id is GC Notify's `reference`, so a
-- retry after a crash finds the notice already sent instead of sending it twice. No address or number is kept
-- here: the contact point is read from the record when the notice leaves.
CREATE TABLE document_notice (
  id uuid PRIMARY KEY,
  person_id uuid NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('new-document', 'new-message')),
  document_id uuid UNIQUE REFERENCES person_document (id) ON DELETE CASCADE,
  message_id uuid UNIQUE,
  channel text NOT NULL CHECK (channel IN ('email', 'sms')),
  status text NOT NULL CHECK (
    status IN ('queued', 'sent', 'delivered', 'permanent-failure', 'temporary-failure', 'technical-failure', 'abandoned')
  ),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL,
  notify_id text,
  updated_at timestamptz NOT NULL,
  CHECK ((kind = 'new-document') = (document_id IS NOT NULL)),
  CHECK ((kind = 'new-message') = (message_id IS NOT NULL))
);
CREATE INDEX document_notice_due_idx ON document_notice (next_attempt_at) WHERE status = 'queued';
CREATE INDEX document_notice_notify_idx ON document_notice (notify_id);

-- Letters waiting for the mail house, and the daily print files they went into.
CREATE TABLE print_file (
  id uuid PRIMARY KEY,
  print_date date NOT NULL,
  sequence integer NOT NULL,
  letters integer NOT NULL,
  created_at timestamptz NOT NULL,
  UNIQUE (print_date, sequence)
);
CREATE TABLE print_item (
  document_id uuid PRIMARY KEY REFERENCES person_document (id) ON DELETE CASCADE,
  format text NOT NULL CHECK (format IN ('standard', 'large-print', 'braille')),
  reason text NOT NULL CHECK (reason IN ('prefers-paper', 'notice-failed', 'no-contact-point')),
  queued_at timestamptz NOT NULL,
  print_file_id uuid REFERENCES print_file (id)
);
CREATE INDEX print_item_waiting_idx ON print_item (queued_at) WHERE print_file_id IS NULL;

-- Two-way secure messages (issue #17 item 5): a thread per question, with a programme, to be answered within the
-- programme's service standard. Subjects and bodies are Protected B. Nothing of a message leaves by email: the
-- person gets a notice that there is a new message, nothing else.
CREATE TABLE message_thread (
  id uuid PRIMARY KEY,
  person_id uuid NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  programme_id text NOT NULL,
  case_reference text,
  subject_cipher text NOT NULL,
  status text NOT NULL CHECK (status IN ('waiting-for-us', 'answered', 'closed')),
  assigned_to text,
  created_at timestamptz NOT NULL,
  due_on date NOT NULL,
  last_message_at timestamptz NOT NULL
);
CREATE INDEX message_thread_person_idx ON message_thread (person_id, last_message_at DESC);
CREATE INDEX message_thread_queue_idx ON message_thread (programme_id, due_on) WHERE status = 'waiting-for-us';
CREATE TABLE message (
  id uuid PRIMARY KEY,
  thread_id uuid NOT NULL REFERENCES message_thread (id) ON DELETE CASCADE,
  author text NOT NULL CHECK (author IN ('person', 'staff')),
  author_id text NOT NULL,
  body_cipher text NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX message_thread_messages_idx ON message (thread_id, created_at);
