-- When a marriage or common-law relationship ended (the population table records only when it began).
CREATE TABLE registry_relationship_end (
  person_id uuid NOT NULL,
  related_person_id uuid NOT NULL,
  kind text NOT NULL,
  ended_on date NOT NULL,
  PRIMARY KEY (person_id, related_person_id, kind),
  FOREIGN KEY (person_id, related_person_id, kind)
    REFERENCES person_relationship (person_id, related_person_id, kind) ON DELETE CASCADE
);
