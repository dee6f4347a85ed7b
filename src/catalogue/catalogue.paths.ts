import type { BilingualPath } from '../platform/http/route-table.ts';

export const cataloguePaths = {
  list: { en: '/en/programmes', fr: '/fr/programmes' },
  programme: { en: '/en/programmes/:slug', fr: '/fr/programmes/:slug' },
} satisfies Record<string, BilingualPath>;
