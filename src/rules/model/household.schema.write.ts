// Regenerates docs/household.schema.json: npx tsx src/rules/model/household.schema.write.ts && npx prettier --write docs/household.schema.json
import { writeFileSync } from 'node:fs';
import { householdSchemaJson } from './household.schema.ts';

writeFileSync(new URL('../../../docs/household.schema.json', import.meta.url), householdSchemaJson());
