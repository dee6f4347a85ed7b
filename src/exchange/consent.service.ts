import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import type { AuditService } from '../platform/audit/audit.service.ts';
import type { AccessContext } from '../platform/audit/access-context.ts';
import { isoDate } from '../person/index.ts';
import { listAgreements } from './agreement.repository.ts';
import {
  findConsent,
  insertConsent,
  listActiveConsentAgreements,
  listConsentAgreements,
  listConsentsForPerson,
  revokeConsentRow,
} from './consent.repository.ts';
import { withholdUndelivered } from './delivery.repository.ts';
import { agreementInForce } from './sharing-policy.ts';
import type { ConsentDuration } from './consent.schemas.ts';

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

/** An agreement the person may consent to now, in the words they read before agreeing. */
export interface ConsentOffer {
  agreementId: string;
  agencyName: { en: string; fr: string };
  /** Whose agency it is: the Government of Canada or the person's own province or territory, named. */
  jurisdiction: { code: string; en: string; fr: string };
  purpose: { en: string; fr: string };
  legalAuthority: { en: string; fr: string };
  elements: string[];
  retentionYears: number;
  /** The last day the agreement is in force ('YYYY-MM-DD'), or null when it has no end date. */
  agreementEndsOn: string | null;
}

export interface ConsentService {
  list(personId: string): Promise<ConsentView[]>;
  /** Agreements in force that rest on consent and under which the person has no active consent. */
  available(personId: string): Promise<ConsentOffer[]>;
  /**
   * Consent under one of the agreements `available` offers, for a chosen duration (at most the maximum).
   * Any other agreement id, existing or not, is a ConsentNotApplicableError: nothing about it leaks.
   */
  give(
    personId: string,
    agreementId: string,
    duration: ConsentDuration,
    context: AccessContext,
  ): Promise<string>;
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

export class ConsentDurationError extends Error {
  constructor(readonly problem: 'consentUntilPast' | 'consentUntilTooLate') {
    super(`Consent duration refused: ${problem}`);
    this.name = 'ConsentDurationError';
  }
}

export const MAX_CONSENT_DAYS = 5 * 366;
const DAY_MS = 86_400_000;
// Dates people choose are days in Eastern time, as every date and time on the site is shown.
const ZONE = 'America/Toronto';

function todayIn(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(now);
}

function endOfDay(isoDate: string): Date {
  const offset = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, timeZoneName: 'longOffset' })
    .formatToParts(new Date(`${isoDate}T12:00:00Z`))
    .find((part) => part.type === 'timeZoneName')
    ?.value.replace('GMT', '');
  return new Date(`${isoDate}T23:59:59.999${offset || 'Z'}`);
}

/** When a consent given now for this duration ends; a date in the past or beyond the maximum is refused. */
export function consentExpiry(duration: ConsentDuration, now: Date): Date {
  if ('years' in duration) {
    const end = new Date(now);
    end.setUTCFullYear(end.getUTCFullYear() + duration.years);
    return end;
  }
  if (duration.until <= todayIn(now)) throw new ConsentDurationError('consentUntilPast');
  const end = endOfDay(duration.until);
  if (end.getTime() - now.getTime() > MAX_CONSENT_DAYS * DAY_MS)
    throw new ConsentDurationError('consentUntilTooLate');
  return end;
}

/** Where the person lives: a provincial agency is offered only to people of its province (issue #14). */
export interface ResidencePort {
  provinceOf(personId: string): Promise<string | null>;
}

export function createConsentService(
  db: Kysely<DB>,
  audit: AuditService,
  clock: () => Date,
  residence?: ResidencePort,
): ConsentService {
  const record = (
    context: AccessContext,
    personId: string,
    action: string,
    details: Record<string, unknown>,
    trx?: Parameters<AuditService['record']>[1],
    outcome: 'success' | 'denied' = 'success',
  ) =>
    audit.record(
      {
        actor: context.actor,
        subjectPersonId: personId,
        action,
        purpose: context.purpose,
        channel: context.channel,
        outcome,
        correlationId: context.correlationId,
        details,
      },
      trx,
    );

  const insert = (
    personId: string,
    agreementId: string,
    period: { from: Date; until: Date },
    context: AccessContext,
  ) =>
    db.transaction().execute(async (trx) => {
      const id = await insertConsent(trx, {
        person_id: personId,
        agreement_id: agreementId,
        granted_at: period.from,
        expires_at: period.until,
        revoked_at: null,
      });
      await record(context, personId, 'exchange.consent.grant', { consentId: id, agreementId }, trx);
      return id;
    });

  async function available(personId: string): Promise<ConsentOffer[]> {
    const now = clock();
    const active = new Set((await listActiveConsentAgreements(db, personId, now)).map((c) => c.agreement_id));
    // Without a residence port (tools and tests that build the exchange alone) every agreement is offered.
    const province = residence ? await residence.provinceOf(personId) : undefined;
    const theirs = (code: string, kind: string) =>
      province === undefined || kind === 'federal' || code === province;
    return (await listConsentAgreements(db))
      .filter((g) => agreementInForce(g, now) && !active.has(g.id))
      .filter((g) => theirs(g.jurisdiction_code, g.jurisdiction_kind))
      .map((g) => ({
        agreementId: g.id,
        agencyName: { en: g.agency_en, fr: g.agency_fr },
        jurisdiction: { code: g.jurisdiction_code, en: g.jurisdiction_en, fr: g.jurisdiction_fr },
        purpose: { en: g.purpose_en, fr: g.purpose_fr },
        legalAuthority: { en: g.legal_authority_en, fr: g.legal_authority_fr },
        elements: g.elements,
        retentionYears: g.retention_years,
        agreementEndsOn: g.expires_on ? isoDate(g.expires_on) : null,
      }));
  }

  return {
    available,
    async give(personId, agreementId, duration, context) {
      if (!(await available(personId)).some((offer) => offer.agreementId === agreementId))
        throw new ConsentNotApplicableError();
      const now = clock();
      return insert(personId, agreementId, { from: now, until: consentExpiry(duration, now) }, context);
    },
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
      const expiresAt = new Date(now.getTime() + Math.min(Math.max(1, days), MAX_CONSENT_DAYS) * DAY_MS);
      return insert(personId, agreementId, { from: now, until: expiresAt }, context);
    },
    async revoke(personId, consentId, context) {
      const consent = await findConsent(db, personId, consentId);
      if (!consent) {
        // Someone else's consent, or none: refused the same way, and the attempt is on the record.
        await record(context, personId, 'exchange.consent.revoke', { consentId }, undefined, 'denied');
        throw new ConsentNotFoundError();
      }
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
