import type { ChequeAddressBook } from './payments/index.ts';
import type { PersonService, Profile } from './person/index.ts';

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
