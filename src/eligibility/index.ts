/** The evaluation API and its service: a household's facts in, every programme's result out, nothing stored. */
export { registerEligibilityApi } from './eligibility.api.ts';
export { evaluateRequest } from './eligibility.service.ts';
export type { EvaluationRequest, EvaluationResponse, EvaluationOutcome } from './eligibility.service.ts';
export { EVALUATE_REQUEST_SCHEMA, EVALUATE_RESPONSE_SCHEMA } from './eligibility.schemas.ts';
