import type { Generated } from 'kysely';
import type { AuditTables } from '../audit/audit.tables.ts';
import type { CatalogueTables } from '../../catalogue/catalogue.tables.ts';
import type { PopulationTables } from '../../population/population.tables.ts';
import type { RegistryTables } from '../../registry/registry.tables.ts';
import type { ExchangeTables } from '../../exchange/exchange.tables.ts';
import type { IdentityTables } from '../../identity/identity.tables.ts';

/**
 * The whole database as Kysely sees it: each domain declares its own tables in `<domain>.tables.ts`
 * and they are joined here. Add a domain by adding its interface to the list.
 */
export interface DB
  extends
    PlatformTables,
    AuditTables,
    CatalogueTables,
    PopulationTables,
    RegistryTables,
    ExchangeTables,
    IdentityTables {}

export interface PlatformTables {
  schema_migrations: { name: string; applied_at: Generated<Date> };
}
