// Regenerates docs/household.schema.json: npx tsx scripts/write-household-schema.ts && npx prettier --write docs/household.schema.json
import { writeFileSync } from 'node:fs';
import { householdSchemaJson } from '../src/rules/model/household.schema.ts';

writeFileSync(new URL('../docs/household.schema.json', import.meta.url), householdSchemaJson());
