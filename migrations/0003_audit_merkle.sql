-- The audit log becomes a Merkle tree with signed tree heads (ADR 0002): appends no longer lock a chain head,
-- and a sealer gives committed entries their place in the tree. Run `guichet audit verify` before upgrading:
-- the old hash chain is dropped here and its entries are sealed into the tree as they stand.
DROP TABLE audit_chain_head;
ALTER TABLE audit_event DROP COLUMN prev_hash, DROP COLUMN hash;

-- Millisecond precision, as the service writes them, so an entry's canonical form is exactly what is stored.
ALTER TABLE audit_event ALTER COLUMN occurred_at TYPE timestamptz(3);

CREATE SEQUENCE audit_event_seq OWNED BY audit_event.seq;
SELECT setval('audit_event_seq', COALESCE(max(seq), 0) + 1, false) FROM audit_event;
ALTER TABLE audit_event ALTER COLUMN seq SET DEFAULT nextval('audit_event_seq');

-- The top-level transaction that wrote the entry. Sealing takes only entries whose transaction has finished
-- (xid below the oldest running one), in (xid, seq) order, so an entry committed late is never skipped.
-- Entries from before this migration come first (xid 0).
ALTER TABLE audit_event ADD COLUMN xid bigint NOT NULL DEFAULT 0;
ALTER TABLE audit_event ALTER COLUMN xid SET DEFAULT pg_current_xact_id()::text::bigint;
CREATE INDEX audit_event_seal_order_idx ON audit_event (xid, seq);

CREATE TABLE audit_leaf (
  leaf_index bigint PRIMARY KEY,
  entry_seq bigint NOT NULL UNIQUE,
  leaf_hash bytea NOT NULL CHECK (length(leaf_hash) = 32)
);

CREATE TABLE audit_tree_node (
  level smallint NOT NULL CHECK (level > 0 AND level % 8 = 0),
  node_index bigint NOT NULL,
  hash bytea NOT NULL CHECK (length(hash) = 32),
  PRIMARY KEY (level, node_index)
);

CREATE TABLE audit_tree_head (
  tree_size bigint PRIMARY KEY,
  root_hash bytea NOT NULL CHECK (length(root_hash) = 32),
  signed_at timestamptz(3) NOT NULL,
  key_id text NOT NULL,
  signature bytea NOT NULL,
  last_xid bigint NOT NULL,
  last_seq bigint NOT NULL
);

-- Every audit table is append-only, TRUNCATE included (a row trigger does not see TRUNCATE).
CREATE OR REPLACE FUNCTION audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END;
$$;
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only();
CREATE TRIGGER audit_leaf_no_update BEFORE UPDATE OR DELETE ON audit_leaf
  FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only();
CREATE TRIGGER audit_leaf_no_truncate BEFORE TRUNCATE ON audit_leaf
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only();
CREATE TRIGGER audit_tree_node_no_update BEFORE UPDATE OR DELETE ON audit_tree_node
  FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only();
CREATE TRIGGER audit_tree_node_no_truncate BEFORE TRUNCATE ON audit_tree_node
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only();
CREATE TRIGGER audit_tree_head_no_update BEFORE UPDATE OR DELETE ON audit_tree_head
  FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only();
CREATE TRIGGER audit_tree_head_no_truncate BEFORE TRUNCATE ON audit_tree_head
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only();
