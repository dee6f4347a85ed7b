/**
 * Decisions under the Directive on Automated Decision-Making: each submitted application becomes one case,
 * decided by the rules where the law is clear and the programme's impact level allows it, else recommended
 * to an adjudicator (workqueue, four eyes); every decision is stored replayable, explained in both languages,
 * sent as a letter, and an approval becomes an enrolment with its entitlement schedule. See ADR 0017.
 */
export { createDecisionsModule, decisionsLocales } from './decisions.module.ts';
export type { DecisionsModule, DecisionsModuleDependencies, Benefits } from './decisions.module.ts';
export type { Reevaluation, Circumstances } from './circumstances.ts';
export { registerDecisionRoutes, decisionNotices } from './decisions.routes.ts';
export type { DecisionRouteDependencies } from './decisions.routes.ts';
export { decisionsPaths } from './decisions.paths.ts';
export type { DecisionLetterPort, LetterRecipient, Adjudicator } from './decisions.types.ts';
export { NotDecidedHereError } from './decisions.types.ts';
export type { ReplayReport } from './replay.ts';
export type { OutcomeReport, OutcomeGroup } from './outcomes.ts';
export { clientBenefitsSection } from './views/benefits.views.ts';
export { loadDecisionPolicy } from './programme-policy.ts';
export type { DecisionPolicy, ProgrammePolicy, ImpactLevel } from './programme-policy.ts';
export type { EnrolmentEntitlementTable, PeriodKind } from './decisions.tables.ts';
export { createEntitlementReader } from './entitlement-reader.ts';
export type { EntitlementScheduleRow } from './entitlement-reader.ts';
export { decisionsEncryptedColumns } from './decisions.tables.ts';
export { createDemoConversion } from './demo-conversion.ts';
export type { ConversionDependencies, ConversionReport, DemoConversion } from './demo-conversion.ts';

// The July redetermination (issue #16 item 7, ADR 0024).
export {
  createRedeterminationService,
  INCOME_TESTED,
  RedeterminationStartedError,
  RedeterminationTakenOverError,
} from './redetermination/redetermination.service.ts';
export type {
  RedeterminationService,
  RedeterminationSummary,
  RedeterminationLetterPort,
} from './redetermination/redetermination.service.ts';
export { runRedetermineCommand, RedetermineUsageError } from './redetermination/redetermination-command.ts';

export { createDecisionDeadlines } from './reminder-candidates.ts';
export type { DecisionDeadlines } from './reminder-candidates.ts';
