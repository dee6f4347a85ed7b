import type { ReturnsAwaitingDetails } from './inbox/index.ts';
import type { ChequeAddressBook, ReturnsService } from './payments/index.ts';
import type { PayeeReader, PersonService, Profile } from './person/index.ts';

/**
 * The inbox's bank-return reminder, seen from payments and person: returns told and still waiting, less the
 * people whose direct deposit changed after the letter (they did what it asked; the reissue follows). It runs
 * hourly over up to thousands of returns, so it reads only when each deposit changed, never the details.
 */
export function returnsAwaitingDetails(
  returns: Pick<ReturnsService, 'toldAndWaiting'>,
  deposits: Pick<PayeeReader, 'accountsChangedAt'>,
): ReturnsAwaitingDetails {
  return {
    async awaitingDetails(toldBefore) {
      const waiting = await returns.toldAndWaiting(toldBefore);
      if (waiting.length === 0) return [];
      const changed = await deposits.accountsChangedAt([...new Set(waiting.map((item) => item.personId))]);
      return waiting
        .filter((item) => {
          const changedAt = changed.get(item.personId);
          return changedAt === undefined || changedAt.getTime() <= item.toldAt.getTime();
        })
        .map(({ personId, programmeId, amountCents, payDate }) => ({
          personId,
          programmeId,
          amountCents,
          payDate,
        }));
    },
  };
}

/**
 * Payments' cheques, seen from person: the name, the mailing address in force today (else the residential
 * one) and the person's official language. Each read is the person module's audited profile read.
 */
export function chequeAddressesFrom(
  person: Pick<PersonService, 'getProfile'>,
  clock: () => Date,
): ChequeAddressBook {
  return {
    async mailingOf(personId, context) {
      const profile = await person.getProfile(personId, context).catch(() => null);
      return profile ? mailingOf(profile, clock().toISOString().slice(0, 10)) : null;
    },
  };
}

function mailingOf(profile: Profile, today: string) {
  const current = (kind: 'mailing' | 'residential') =>
    profile.addresses.find(
      (address) =>
        address.kind === kind && address.effectiveFrom <= today && (address.effectiveTo ?? '9999') > today,
    );
  const address = current('mailing') ?? current('residential') ?? profile.currentAddress;
  if (!address) return null;
  return {
    name: `${profile.givenName} ${profile.familyName}`,
    lang: profile.preferredLanguage,
    address: {
      lines: [address.line1, ...(address.line2 ? [address.line2] : [])],
      city: address.city.toLocaleUpperCase('en-CA'),
      province: address.provinceCode,
      postalCode: address.postalCode.toLocaleUpperCase('en-CA'),
    },
  };
}
