/**
 * Demonstration partner agencies: the receiving side of tell-us-once as an agency's system would run it,
 * applying each delivery exactly once into its own copy of the client's details.
 */
export { createAgencySubscriber } from './agency-subscriber.ts';
export { listCopies } from './agency-copy.repository.ts';
export { agencyEncryptedColumns } from './agency.tables.ts';
