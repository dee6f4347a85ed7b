import fc from 'fast-check';
import type { Originator, Payment } from '../../../src/payments/payment.ts';
import { INSTITUTIONS } from '../../../src/payments/files/institutions.ts';
import type { Cpa005FileHeader } from '../../../src/payments/files/cpa005/cpa005-writer.ts';

export const ORIGINATOR: Originator = {
  id: 'GUICHET001',
  shortName: 'Guichet',
  longName: 'Guichet – Service Canada',
  returnAccount: { institution: '177', transit: '00011', account: '000123456789' },
};

export const CPA_HEADER: Cpa005FileHeader = {
  originator: ORIGINATOR,
  fileCreationNumber: 42,
  creationDate: '2026-01-20',
  destinationDataCentre: '00120',
};

export function payment(index: number, overrides: Partial<Payment> = {}): Payment {
  return {
    reference: `PAY-${String(index).padStart(6, '0')}`,
    amountCents: 71_833 + index,
    date: '2026-01-28',
    transactionCode: '311',
    payee: { name: "Éloïse Gagné-O'Brien", institution: '003', transit: '12345', account: `7${index}` },
    ...overrides,
  };
}

export { collect } from '../../../src/payments/files/collect.ts';

const NAME_CHARACTERS = [..."abcdefghijklmnopqrstuvwxyzABCXYZ éèêëàâçîïôöùûüÿœæÉÈÀÇÔŒ'’-.&"];

/** Random payments as the property tests need them: integer cents, accented names, shipped institutions. */
export const paymentsArbitrary = fc
  .array(
    fc.record({
      amountCents: fc.oneof(fc.integer({ min: 1, max: 999 }), fc.integer({ min: 1, max: 9_999_999_999 })),
      name: fc
        .string({ unit: fc.constantFrom(...NAME_CHARACTERS), minLength: 1, maxLength: 45 })
        .filter((name) => /[a-zA-Zéèàç]/.test(name)),
      institution: fc.constantFrom(...INSTITUTIONS.keys()),
      transit: fc.stringMatching(/^\d{5}$/),
      account: fc.stringMatching(/^\d{1,12}$/),
      day: fc.integer({ min: 1, max: 28 }),
      transactionCode: fc.constantFrom('308', '310', '311', '318', '605'),
    }),
    { minLength: 0, maxLength: 40 },
  )
  .map((rows) =>
    rows.map((row, i): Payment => ({
      reference: `R${i}-${row.transit}`,
      amountCents: row.amountCents,
      date: `2026-03-${String(row.day).padStart(2, '0')}`,
      transactionCode: row.transactionCode,
      payee: { name: row.name, institution: row.institution, transit: row.transit, account: row.account },
    })),
  );
