/**
 * The portal: My Guichet, the person's signed-in home with a card for each capability, and My profile with
 * the person's own changes. Capabilities add their cards through the root.
 */
export const portalLocales = new URL('./locales/', import.meta.url);

export { registerPortalHome } from './portal.routes.ts';
export type { AccountPort, PortalHomeDependencies } from './portal.routes.ts';
export { registerProfileRoutes, portalNotices } from './profile.routes.ts';
export type { ProfileRouteDependencies } from './profile.routes.ts';
export { portalPaths } from './portal.paths.ts';
export type { PortalCard } from './portal-cards.ts';
