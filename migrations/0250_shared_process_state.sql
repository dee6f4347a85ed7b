-- State that several Guichet processes must share (ADR 0013): nothing one process needs may live in another's
-- memory.

-- The demonstration sign-in providers' oidc-provider models (sessions, interactions, grants, authorization
-- codes, tokens, replay detection…), one row per model instance, as oidc-provider's adapter interface stores
-- them; and the providers' own interaction state (the pending second factor, the last TOTP step used).
CREATE TABLE idp_oidc_state (
  provider text NOT NULL,
  model text NOT NULL,
  id text NOT NULL,
  payload jsonb NOT NULL,
  grant_id text,
  uid text,
  user_code text,
  expires_at timestamptz,
  PRIMARY KEY (provider, model, id)
);
CREATE INDEX idp_oidc_state_grant_idx ON idp_oidc_state (provider, grant_id) WHERE grant_id IS NOT NULL;
CREATE INDEX idp_oidc_state_uid_idx ON idp_oidc_state (provider, model, uid) WHERE uid IS NOT NULL;
CREATE INDEX idp_oidc_state_user_code_idx ON idp_oidc_state (provider, model, user_code)
  WHERE user_code IS NOT NULL;
CREATE INDEX idp_oidc_state_expiry_idx ON idp_oidc_state (expires_at);

-- Each demonstration provider's keys: its signing key, its client's secret and its cookie keys, made by the
-- first process that starts it and read by the others.
CREATE TABLE idp_provider_material (
  provider text PRIMARY KEY,
  material jsonb NOT NULL,
  created_at timestamptz NOT NULL
);

-- The demonstration providers' failure counters (wrong passwords, wrong codes) and their locks.
CREATE TABLE idp_failure (
  provider text NOT NULL,
  counter text NOT NULL,
  key text NOT NULL,
  window_start timestamptz NOT NULL,
  failures integer NOT NULL,
  locked_until timestamptz,
  PRIMARY KEY (provider, counter, key)
);

-- The request rate limit's counters, one row per client key and fixed window. Processes reserve blocks of
-- requests from a row (never more than the limit in all), so a row is written a few times a window, not on
-- every request.
CREATE TABLE platform_rate_limit (
  key text NOT NULL,
  window_start timestamptz NOT NULL,
  reserved integer NOT NULL,
  last_grant integer NOT NULL,
  PRIMARY KEY (key, window_start)
);
