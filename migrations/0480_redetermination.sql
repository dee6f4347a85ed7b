-- The July redetermination (issue #16 item 7, ADR 0024): one run per benefit year, resumable from its cursor.
CREATE TABLE redetermination_run (
  benefit_year integer PRIMARY KEY CHECK (benefit_year BETWEEN 2000 AND 2999),
  status text NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'done')),
  -- The last person whose redetermination and letter are done: a resumed run starts after them.
  resume_after text,
  persons_total integer NOT NULL DEFAULT 0,
  persons_done integer NOT NULL DEFAULT 0,
  changed integer NOT NULL DEFAULT 0,
  unchanged integer NOT NULL DEFAULT 0,
  needs_review integer NOT NULL DEFAULT 0,
  started_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
