-- The least-privileged role the application runs as in production (ADR 0002, README "Database roles").
-- Migrations and seeding run as the schema's owner; the server logs in as a member of guichet_app, which may
-- read and write ordinary tables but only INSERT and SELECT the audit log, never UPDATE, DELETE or TRUNCATE it.
-- Roles belong to the whole server, so creation tolerates a role made meanwhile by another schema's migration
-- (parallel test schemas) and a server that does not let us create roles (then the DBA creates it; grants
-- are made whenever the role exists). Grants are per schema: they follow current_schema().
DO $$
DECLARE
  audit_tables constant text[] := ARRAY['audit_event', 'audit_leaf', 'audit_tree_node', 'audit_tree_head'];
  schema_name constant text := current_schema();
  audit_table text;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'guichet_app') THEN
    BEGIN
      CREATE ROLE guichet_app NOLOGIN;
    EXCEPTION
      WHEN duplicate_object OR unique_violation THEN NULL;
      WHEN insufficient_privilege THEN
        RAISE NOTICE 'guichet_app not created (no CREATEROLE): ask the DBA to create it, then re-run the grants';
        RETURN;
    END;
  END IF;
  EXECUTE format('GRANT USAGE ON SCHEMA %I TO guichet_app', schema_name);
  EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO guichet_app', schema_name);
  EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO guichet_app', schema_name);
  -- Tables that later migrations create (as this same owner) get the same rights.
  EXECUTE format(
    'ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO guichet_app',
    schema_name);
  EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT USAGE, SELECT ON SEQUENCES TO guichet_app',
    schema_name);
  EXECUTE format('REVOKE INSERT, UPDATE, DELETE ON %I.schema_migrations FROM guichet_app', schema_name);
  FOREACH audit_table IN ARRAY audit_tables LOOP
    EXECUTE format('REVOKE ALL ON %I.%I FROM guichet_app', schema_name, audit_table);
    EXECUTE format('GRANT SELECT, INSERT ON %I.%I TO guichet_app', schema_name, audit_table);
  END LOOP;
END;
$$;
