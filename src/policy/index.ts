/** Policy analysis: parameter releases (what changed, with citations) and their impact on the register. */
export { createPolicyService, InvalidReleaseDatesError } from './policy.service.ts';
export type { PolicyService, PreviewRequest, ReleasePreview } from './policy.service.ts';
export type { ReleaseImpact, ProgrammeImpact, GroupImpact } from './release-impact.ts';
export { formatReleaseReport } from './release-report.ts';
export { registerPolicyRoutes } from './policy.routes.ts';
export { policyPaths } from './policy.paths.ts';
export const policyLocales = new URL('./locales/', import.meta.url);
