import { Ajv, type ErrorObject } from 'ajv';
import { householdSchema } from './household.schema.ts';
import type { Household } from './household.ts';
import { HouseholdValidationError, type ValidationIssue } from '../core/errors.ts';
import { ageOn, isIsoDate } from '../core/dates.ts';

const ajv = new Ajv({ allErrors: true, strict: true });
const validateShape = ajv.compile(householdSchema);

function schemaIssue(error: ErrorObject): ValidationIssue {
  const missing = error.keyword === 'required' ? `/${String(error.params['missingProperty'])}` : '';
  const extra =
    error.keyword === 'additionalProperties' ? `/${String(error.params['additionalProperty'])}` : '';
  return { path: `${error.instancePath}${missing}${extra}` || '/', code: `schema.${error.keyword}` };
}

function dateIssues(h: Household, today: string): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  h.people.forEach((p, i) => {
    if (!isIsoDate(p.birthDate)) issues.push({ path: `/people/${i}/birthDate`, code: 'date.invalid' });
    else if (p.birthDate > today) issues.push({ path: `/people/${i}/birthDate`, code: 'date.future' });
  });
  return issues;
}

function relationshipIssues(h: Household): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const byId = new Map(h.people.map((p) => [p.id, p]));
  if (byId.size !== h.people.length) issues.push({ path: '/people', code: 'person.duplicate-id' });
  (h.relationships ?? []).forEach((r, i) => {
    const ids = r.type === 'spouse' ? r.partners : [r.parentId, r.childId];
    ids.forEach((id, j) => {
      if (!byId.has(id))
        issues.push({ path: `/relationships/${i}/${relationshipField(r.type, j)}`, code: 'person.unknown' });
    });
    if (ids[0] === ids[1]) issues.push({ path: `/relationships/${i}`, code: 'relationship.self' });
    if (r.type === 'parent') {
      const parent = byId.get(r.parentId);
      const child = byId.get(r.childId);
      if (parent && child && child.birthDate <= parent.birthDate) {
        issues.push({ path: `/relationships/${i}`, code: 'relationship.child-older-than-parent' });
      }
    }
  });
  return issues;
}

function relationshipField(type: 'spouse' | 'parent', index: number): string {
  if (type === 'spouse') return `partners/${index}`;
  return index === 0 ? 'parentId' : 'childId';
}

function ageIssues(h: Household, today: string): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  h.people.forEach((p, i) => {
    if (isIsoDate(p.birthDate) && p.birthDate <= today && ageOn(p.birthDate, today) > 125) {
      issues.push({ path: `/people/${i}/birthDate`, code: 'date.implausible-age' });
    }
  });
  return issues;
}

export interface ValidateOptions {
  /**
   * The caller has already checked the input against this same schema (an API route whose body schema
   * references it): only the meaning is checked, rather than walking the shape twice per request.
   */
  readonly shapeChecked?: boolean;
}

/**
 * Checks shape (ajv, JSON Schema in docs/household.schema.json) then meaning. Negative hours and
 * amounts are rejected by the schema (minimum 0). Throws HouseholdValidationError with { path, code }.
 */
export function validateHousehold(
  input: unknown,
  today: string = new Date().toISOString().slice(0, 10),
  options: ValidateOptions = {},
): Household {
  if (!options.shapeChecked && !validateShape(input)) {
    throw new HouseholdValidationError((validateShape.errors ?? []).map(schemaIssue));
  }
  const household = input as unknown as Household;
  const issues = [
    ...dateIssues(household, today),
    ...relationshipIssues(household),
    ...ageIssues(household, today),
  ];
  if (issues.length > 0) throw new HouseholdValidationError(issues);
  return household;
}
