import type { Transaction } from 'kysely';
import type { AccessContext } from '../platform/audit/access-context.ts';
import type { DB } from '../platform/db/schema.ts';
import type { Receipt } from './partner-events.repository.ts';
import type { SecurityNotice } from './security-notice.ts';

/** Elements of the record that can change and be shared under an agreement. */
export type RegistryElement =
  | 'name'
  | 'address'
  | 'contact'
  | 'direct-deposit'
  | 'marital-status'
  | 'life-status'
  | 'residence-status'
  | 'income'
  | 'birth';

export const REGISTRY_ELEMENTS: readonly RegistryElement[] = [
  'name',
  'address',
  'contact',
  'direct-deposit',
  'marital-status',
  'life-status',
  'residence-status',
  'income',
  'birth',
];

export interface ChangeOptions {
  /** Staff corrections say why (Privacy Act s. 12(2): correction or a notation that it was requested). */
  correctionReason?: string;
  /** A reference for the person's confirmation page (`platform/reference`): only changes made online have one. */
  reference?: string;
  /** A partner agency's own reference for what it sent: the same one again changes nothing (AlreadyReceivedError). */
  receipt?: Receipt;
}

export interface ChangeResult {
  changeId: string;
  version: number;
}

/** A committed change, handed to the exchange inside the same transaction (transactional outbox). */
export interface RegistryChange {
  changeId: string;
  personId: string;
  element: RegistryElement;
  version: number;
  occurredAt: Date;
  /** The new values as recipients need them; encrypted by the outbox before it is stored. */
  payload: Record<string, unknown>;
  /** Others the change may concern (a new income year or a birth: the rest of the household); never shared. */
  alsoConcerns?: readonly string[];
}

export interface ChangePublisher {
  publish(trx: Transaction<DB>, change: RegistryChange): Promise<void>;
  /** Called after the change's transaction commits, so delivery can start without waiting for a poll. */
  committed?(): void;
}

/**
 * Tells the person that a sensitive detail changed, through the contact point they had before the change,
 * inside the change's transaction (so a change is never committed without its notice, and never twice).
 */
export interface ChangeNotifier {
  sensitiveChange(trx: Transaction<DB>, notice: SecurityNotice, context: AccessContext): Promise<void>;
}

export class PersonNotFoundError extends Error {
  constructor() {
    super('No such person in the registry');
    this.name = 'PersonNotFoundError';
  }
}

export class CorrectionReasonRequiredError extends Error {
  constructor() {
    super('A correction needs a reason');
    this.name = 'CorrectionReasonRequiredError';
  }
}

/** A partner agency sent again what the register already recorded (its reference was claimed before). */
export class AlreadyReceivedError extends Error {
  constructor() {
    super('Already received from this agency');
    this.name = 'AlreadyReceivedError';
  }
}
