/**
 * Identity: sign-in through OpenID Connect providers, server-side sessions, linking a sign-in to a person of
 * the register, the assurance scale and step-up, staff accounts and roles, and the guard that enforces every
 * route's access rule. Other modules reach it only through what this file exports.
 */
import type { RouteTable } from '../platform/http/route-table.ts';
import { registerAccountRoutes } from './account.routes.ts';
import type { AccountRouteDependencies } from './account.routes.ts';
import { registerSignInRoutes } from './sign-in.routes.ts';
import type { SignInRouteDependencies } from './sign-in.routes.ts';

export const identityLocales = new URL('./locales/', import.meta.url);

/** Sign-in, sign-out, step-up, linking, the session page, the development mailbox and back-channel logout. */
export function registerIdentityRoutes(
  routes: RouteTable,
  deps: SignInRouteDependencies & AccountRouteDependencies,
): void {
  registerSignInRoutes(routes, deps);
  registerAccountRoutes(routes, deps);
}

export { createIdentityServices } from './identity.services.ts';
export type { IdentityServices, IdentityDependencies } from './identity.services.ts';
export { registerIdentityGuards } from './identity.guards.ts';
export type { SessionTimes } from './identity.guards.ts';
export type { Homes } from './sign-in.routes.ts';
export { identityNotices } from './account.routes.ts';
export { signedInMenu } from './views/header.views.ts';
export type { MenuSettings } from './views/header.views.ts';
export { identityPaths, SESSION_COOKIE, CALLBACK_PATH } from './identity.paths.ts';
export { ROLE_PERMISSIONS, STAFF_ROLES, isStaffRole, permissionsFor } from './permissions.ts';
export type {
  StaffService,
  RoleChangeResult,
  GrantDecisionResult,
  PendingGrantRow,
} from './staff.service.ts';
export { PRIVILEGED_ROLES } from './staff.service.ts';
export type { StaffRow, LoginRow } from './login.repository.ts';
export type { SessionService } from './session.service.ts';
export { purgeSignInState, schedulePurge, SIGN_IN_STATE_RETENTION } from './sign-in-state-purge.ts';
export type { SignInStatePurge } from './sign-in-state-purge.ts';
export { helpFooter } from './views/components.ts';
