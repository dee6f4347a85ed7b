/** Public API of the rules engine. See docs/rules-output.md and docs/adr/0003-rules-engine.md. */
export { evaluateHousehold, evaluateBatch, compileBatch, InvalidDateError } from './engine.ts';
export type { EvaluateOptions, EvaluationOutput, BatchOutput } from './engine.ts';
export { validateHousehold } from './model/household.validate.ts';
export { PROVINCE_CODES } from './model/household.ts';
export { householdSchema } from './model/household.schema.ts';
export { programmes } from './programmes/index.ts';
export {
  HouseholdValidationError,
  NoParametersForDateError,
  UnknownParameterError,
  UnknownProgrammeError,
} from './core/errors.ts';
export type { ValidationIssue } from './core/errors.ts';
export type * from './core/types.ts';
export type * from './model/household.ts';
export { diffParameters } from './core/parameter-diff.ts';
export type { ParameterChange, ParameterVersion } from './core/parameter-diff.ts';
// Programme pages show the amounts in force today straight from the parameter files (issue #14).
export { defaultParameters } from './core/parameters.ts';
export type { ParameterFile } from './core/parameters.ts';
export { versionInForce } from './core/parameter-diff.ts';
// Decisions and letters show citations, steps and parameters in the reader's language, in plain words.
export { citationIn, parameterFileOf, parameterName, stepName } from './wording.ts';
export type { CitationInLanguage } from './wording.ts';
