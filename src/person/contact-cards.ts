import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import type { AuditService } from '../platform/audit/audit.service.ts';
import type { AccessContext } from '../platform/audit/access-context.ts';
import { auditEntry } from '../platform/audit/access-context.ts';
import { findAddressRows, findContactRows } from './contact-cards.repository.ts';
import { currentOf, toAddress } from './person-profile.ts';
import type { Profile } from './person-profile.ts';

/** What writing to a person needs from their record: name, language, addresses and contact points. */
export type ContactCard = Pick<
  Profile,
  'personId' | 'givenName' | 'familyName' | 'preferredLanguage' | 'addresses' | 'currentAddress' | 'contact'
>;

/**
 * Contact cards for a batch's letters: many people in two statements, no decryption (a profile read takes
 * several statements and decrypts the SIN and the bank account, which a letter does not need). Each person
 * read is audited, one entry each, as the profile read is.
 */
export interface ContactCards {
  contactCardsOf(personIds: readonly string[], context: AccessContext): Promise<Map<string, ContactCard>>;
}

type ContactRow = Awaited<ReturnType<typeof findContactRows>>[number];

function cardOf(row: ContactRow, addresses: Profile['addresses']): ContactCard {
  return {
    personId: row.id,
    givenName: row.given_name,
    familyName: row.family_name,
    preferredLanguage: row.preferred_language,
    addresses,
    currentAddress: currentOf(addresses, 'residential'),
    contact: {
      email: row.email,
      phone: row.phone,
      preferredChannel: row.preferred_channel ?? 'online',
      accessibilityNeeds: row.accessibility_needs,
      alternateFormats: row.alternate_formats ?? [],
    },
  };
}

export function createContactCards(db: Kysely<DB>, audit: AuditService): ContactCards {
  return {
    async contactCardsOf(personIds, context) {
      if (personIds.length === 0) return new Map();
      const [rows, addressRows] = [
        await findContactRows(db, personIds),
        await findAddressRows(db, personIds),
      ];
      const addresses = new Map<string, Profile['addresses']>();
      for (const row of addressRows) {
        const list = addresses.get(row.person_id) ?? [];
        list.push(toAddress(row));
        addresses.set(row.person_id, list);
      }
      const cards = new Map(rows.map((row) => [row.id, cardOf(row, addresses.get(row.id) ?? [])]));
      await audit.recordMany(
        [...new Set(personIds)].map((personId) =>
          auditEntry(
            context,
            personId,
            'registry.contact.read',
            cards.has(personId) ? 'success' : 'failure',
            {},
          ),
        ),
      );
      return cards;
    },
  };
}
