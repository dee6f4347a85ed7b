import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import type { AuditService } from '../platform/audit/audit.service.ts';
import type { AccessContext } from '../registry/registry.types.ts';
import {
  findConsent,
  insertConsent,
  listAgreements,
  listConsentsForPerson,
  revokeConsentRow,
  withholdUndelivered,
} from './exchange.repository.ts';
import { agreementInForce } from './outbox.ts';

export type ConsentState = 'active' | 'expired' | 'revoked';

export interface ConsentView {
  id: string;
  agreementId: string;
  agencyName: { en: string; fr: string };
  purpose: { en: string; fr: string };
  elements: string[];
  grantedAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  state: ConsentState;
}

export interface ConsentService {
  list(personId: string): Promise<ConsentView[]>;
  /** Purpose-specific and time-bounded: one agreement, for at most `days` days. */
  grant(personId: string, agreementId: string, days: number, context: AccessContext): Promise<string>;
  /** Stops sharing at once: undelivered deliveries under the agreement are withheld in the same transaction. */
  revoke(personId: string, consentId: string, context: AccessContext): Promise<{ withheld: number }>;
}

export class ConsentNotFoundError extends Error {
  constructor() {
    super('No such consent for this person');
    this.name = 'ConsentNotFoundError';
  }
}

export class ConsentNotApplicableError extends Error {
  constructor() {
    super('This agreement is not in force or does not rest on consent');
    this.name = 'ConsentNotApplicableError';
  }
}

const MAX_CONSENT_DAYS = 5 * 366;

export function createConsentService(db: Kysely<DB>, audit: AuditService, clock: () => Date): ConsentService {
  const record = (
    context: AccessContext,
    personId: string,
    action: string,
    details: Record<string, unknown>,
    trx?: Parameters<AuditService['record']>[1],
  ) =>
    audit.record(
      {
        actor: context.actor,
        subjectPersonId: personId,
        action,
        purpose: context.purpose,
        channel: context.channel,
        outcome: 'success',
        correlationId: context.correlationId,
        details,
      },
      trx,
    );

  return {
    async list(personId) {
      const now = clock();
      return (await listConsentsForPerson(db, personId)).map((row) => ({
        id: row.id,
        agreementId: row.agreement_id,
        agencyName: { en: row.agency_en, fr: row.agency_fr },
        purpose: { en: row.purpose_en, fr: row.purpose_fr },
        elements: row.elements,
        grantedAt: row.granted_at,
        expiresAt: row.expires_at,
        revokedAt: row.revoked_at,
        state: row.revoked_at ? 'revoked' : row.expires_at <= now ? 'expired' : 'active',
      }));
    },
    async grant(personId, agreementId, days, context) {
      const now = clock();
      const agreement = (await listAgreements(db)).find((g) => g.id === agreementId);
      if (!agreement || !agreement.consent_required || !agreementInForce(agreement, now))
        throw new ConsentNotApplicableError();
      const expiresAt = new Date(now.getTime() + Math.min(Math.max(1, days), MAX_CONSENT_DAYS) * 86_400_000);
      return db.transaction().execute(async (trx) => {
        const id = await insertConsent(trx, {
          person_id: personId,
          agreement_id: agreementId,
          granted_at: now,
          expires_at: expiresAt,
          revoked_at: null,
        });
        await record(context, personId, 'exchange.consent.grant', { consentId: id, agreementId }, trx);
        return id;
      });
    },
    async revoke(personId, consentId, context) {
      const consent = await findConsent(db, personId, consentId);
      if (!consent) throw new ConsentNotFoundError();
      return db.transaction().execute(async (trx) => {
        await revokeConsentRow(trx, consentId, clock());
        const withheld = await withholdUndelivered(trx, personId, consent.agreement_id);
        await record(
          context,
          personId,
          'exchange.consent.revoke',
          { consentId, agreementId: consent.agreement_id, withheld },
          trx,
        );
        return { withheld };
      });
    },
  };
}
