-- Four eyes on privileged roles (issue #11): a grant of `supervisor` (sees full bank account numbers) or
-- `administrator` waits here until a second, different administrator approves it; only then is it a role.
-- This range runs before 0200_identity, so staff ids are not foreign keys here; the service checks them.
CREATE TABLE identity_role_grant_request (
  id uuid PRIMARY KEY,
  staff_id uuid NOT NULL,
  role text NOT NULL,
  requested_by uuid NOT NULL,
  requested_at timestamptz NOT NULL,
  UNIQUE (staff_id, role),
  CONSTRAINT identity_role_grant_request_not_self CHECK (requested_by <> staff_id)
);
