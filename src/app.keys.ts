import {
  createEncryptedColumnRegistry,
  platformEncryptedColumns,
} from './platform/crypto/encrypted-columns.ts';
import type { EncryptedColumnRegistry } from './platform/crypto/encrypted-columns.ts';
import { personEncryptedColumns } from './person/index.ts';
import { exchangeEncryptedColumns } from './exchange/index.ts';
import { inboxEncryptedColumns, securityNoticeEncryptedColumns } from './inbox/index.ts';
import { agencyEncryptedColumns } from './stand-ins/partner-agencies/index.ts';
import { applicationsEncryptedColumns } from './applications/index.ts';
import { decisionsEncryptedColumns } from './decisions/index.ts';
import { helpEncryptedColumns } from './help/index.ts';
import { paymentsEncryptedColumns } from './payments/index.ts';

/**
 * Every Protected B column of every module, for `guichet keys rotate`. A module with encrypted columns
 * declares them beside its tables and is registered here; the rotation test fails on a `*_cipher*` column
 * that nobody registered.
 */
export function encryptedColumns(): EncryptedColumnRegistry {
  return createEncryptedColumnRegistry()
    .register('platform', platformEncryptedColumns)
    .register('person', personEncryptedColumns)
    .register('exchange', exchangeEncryptedColumns)
    .register('inbox', [...inboxEncryptedColumns, ...securityNoticeEncryptedColumns])
    .register('stand-ins', agencyEncryptedColumns)
    .register('applications', applicationsEncryptedColumns)
    .register('decisions', decisionsEncryptedColumns)
    .register('help', helpEncryptedColumns)
    .register('payments', paymentsEncryptedColumns);
}
