import type { BilingualPath } from '../platform/http/route-table.ts';

export const policyPaths = {
  release: { en: '/en/staff/policy/release', fr: '/fr/personnel/politiques/diffusion' },
} satisfies Record<string, BilingualPath>;
