import type { StaffRole } from '../platform/http/request-identity.ts';

export const STAFF_ROLES: readonly StaffRole[] = [
  'agent',
  'adjudicator',
  'supervisor',
  'tribunal-member',
  'analyst',
  'administrator',
  'policy-analyst',
  'payments-officer',
];

/**
 * Least privilege (ASVS 8.2.1): each role gets only what its work needs. Administrators manage roles
 * but cannot open client files; analysts see aggregate reports only.
 */
export const ROLE_PERMISSIONS: Readonly<Record<StaffRole, readonly string[]>> = {
  agent: [
    'staff.workspace',
    'client.file.read',
    'client.act-on-behalf',
    'messages.answer',
    'help.requests.handle',
    // Follows up the payments the bank returned (ADR 0020).
    'payments.returns.follow-up',
  ],
  adjudicator: ['staff.workspace', 'client.file.read', 'case.decide'],
  // Supervisors settle misdirected payments and deposit-fraud escalations, which need the whole account number;
  // everyone else sees its last three digits.
  supervisor: [
    'staff.workspace',
    'client.file.read',
    'case.assign',
    'staff.directory.read',
    'registry.banking.read',
    'messages.answer',
    'help.requests.handle',
    // Releases the runs payments officers prepare, never their own (four eyes, ADR 0020).
    'payments.read',
    'payments.release',
    // Cancelling stops money before it moves: the preparer or a supervisor may (ADR 0024 addendum).
    'payments.cancel',
  ],
  'tribunal-member': ['staff.workspace', 'client.file.read', 'appeal.decide'],
  analyst: ['staff.workspace', 'reports.read'],
  administrator: ['staff.workspace', 'staff.roles.manage', 'staff.directory.read'],
  // Previews parameter releases on the register: aggregates only, never one client's file.
  'policy-analyst': ['staff.workspace', 'policy.release.preview'],
  // Prepares payment runs and loads the bank's returns; a supervisor releases them (ADR 0020).
  'payments-officer': [
    'staff.workspace',
    'payments.read',
    'payments.prepare',
    'payments.cancel',
    'payments.returns.load',
    'payments.returns.follow-up',
  ],
};

export function permissionsFor(roles: readonly StaffRole[]): ReadonlySet<string> {
  return new Set(roles.flatMap((role) => ROLE_PERMISSIONS[role]));
}

export function isStaffRole(value: unknown): value is StaffRole {
  return typeof value === 'string' && (STAFF_ROLES as readonly string[]).includes(value);
}
