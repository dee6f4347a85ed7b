import type { StaffRole } from '../../platform/http/request-identity.ts';

/**
 * Demonstration accounts of the built-in providers. Every value is fictitious and public: these
 * providers refuse to start in production (identity-config.ts).
 */
export const DEMO_PASSWORD = 'Guichet-demo-2026';

export type BuiltInProviderId = 'gckey' | 'alberta' | 'bc' | 'staff';

export interface DemoAccount {
  readonly username: string;
  /** Stable, opaque subject identifier, different per provider even for the same person. */
  readonly subject: string;
  /** Base32 TOTP secret for a second factor; absent for single-factor accounts. */
  readonly totpSecret?: string;
  readonly acr: string;
  readonly amr: readonly string[];
  readonly claims: Readonly<Record<string, string | boolean | readonly string[]>>;
}

const provincialAmr = ['pwd', 'mfa'] as const;

export const DEMO_ACCOUNTS: Readonly<Record<BuiltInProviderId, readonly DemoAccount[]>> = {
  gckey: [
    {
      username: 'amelie.tremblay',
      subject: 'gck-7f3a91c2',
      totpSecret: 'JBSWY3DPEHPK3PXPJBSWY3DP',
      acr: 'gckey:mfa',
      amr: ['pwd', 'otp'],
      claims: {},
    },
    {
      username: 'sam.nguyen',
      subject: 'gck-19b04e77',
      totpSecret: 'KRUGS4ZANFZSAYJAORSXG5BA',
      acr: 'gckey:mfa',
      amr: ['pwd', 'otp'],
      claims: {},
    },
    {
      username: 'harpreet.singh',
      subject: 'gck-5c2e8a10',
      totpSecret: 'MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U',
      acr: 'gckey:mfa',
      amr: ['pwd', 'otp'],
      claims: {},
    },
  ],
  alberta: [
    {
      username: 'jordan.lee',
      subject: 'ab-5521-0098',
      acr: 'urn:ab:loa:verified',
      amr: provincialAmr,
      claims: { given_name: 'Jordan', family_name: 'Lee', birthdate: '1990-07-02', identity_verified: true },
    },
    {
      username: 'casey.basic',
      subject: 'ab-5521-0411',
      acr: 'urn:ab:loa:basic',
      amr: ['pwd'],
      claims: { identity_verified: false },
    },
  ],
  bc: [
    {
      username: 'harpreet.singh',
      subject: 'bcsc-00e4-77a1',
      acr: 'urn:bc:loa3',
      amr: ['hwk', 'pin'],
      claims: {
        given_name: 'Harpreet',
        family_name: 'Singh',
        birthdate: '1975-11-30',
        identity_verified: true,
      },
    },
  ],
  staff: (
    [
      ['agent', 'Alex Agent'],
      ['adjudicator', 'Adèle Adjudicatrice'],
      ['supervisor', 'Sasha Supervisor'],
      ['tribunal-member', 'Tomás Tribunal'],
      ['analyst', 'Ana Analyst'],
      ['administrator', 'Ada Administrator'],
      ['policy-analyst', 'Paulo Politique'],
      ['payments-officer', 'Pierre Paiements'],
    ] as const
  ).map(([role, name], index) => ({
    username: role === 'tribunal-member' ? 'tribunal' : role,
    subject: `staff-${String(index + 1).padStart(3, '0')}`,
    totpSecret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ',
    acr: 'staff:mfa',
    amr: ['pwd', 'otp'],
    claims: { name: name, agency: 'esdc', roles: [role] as readonly StaffRole[] },
  })),
};

export const BUILT_IN_NAMES: Readonly<Record<BuiltInProviderId, { en: string; fr: string }>> = {
  gckey: { en: 'GCKey (demonstration)', fr: 'CléGC (démonstration)' },
  alberta: { en: 'Alberta.ca Account (demonstration)', fr: 'Compte Alberta.ca (démonstration)' },
  bc: { en: 'BC Services Card (demonstration)', fr: 'Carte Services BC (démonstration)' },
  staff: { en: 'Staff sign-in (demonstration)', fr: 'Connexion du personnel (démonstration)' },
};

/** acr → level on Guichet's scale, as an operator would configure it for an external provider. */
export const BUILT_IN_ACR_LEVELS: Readonly<Record<BuiltInProviderId, Readonly<Record<string, 1 | 2 | 3>>>> = {
  gckey: { 'gckey:pwd': 1, 'gckey:mfa': 2 },
  alberta: { 'urn:ab:loa:basic': 1, 'urn:ab:loa:verified': 2 },
  bc: { 'urn:bc:loa2': 2, 'urn:bc:loa3': 3 },
  staff: { 'staff:mfa': 2 },
};
