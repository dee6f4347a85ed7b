import type { BilingualPath } from '../platform/http/route-table.ts';

/** The person's privacy pages: who looked at their file, and everything Guichet holds about them. */
export const privacyPaths = {
  accessLog: { en: '/en/my-guichet/access-log', fr: '/fr/mon-guichet/journal-des-acces' },
  myData: { en: '/en/my-guichet/my-data', fr: '/fr/mon-guichet/mes-donnees' },
  myDataJson: { en: '/en/my-guichet/my-data.json', fr: '/fr/mon-guichet/mes-donnees.json' },
  myDataPdf: { en: '/en/my-guichet/my-data.pdf', fr: '/fr/mon-guichet/mes-donnees.pdf' },
  /** The JSON file's documentation (a JSON Schema, bilingual): public, it describes no one. */
  myDataSchema: {
    en: '/en/my-guichet/my-data.schema.json',
    fr: '/fr/mon-guichet/mes-donnees.schema.json',
  },
} satisfies Record<string, BilingualPath>;
