/** No dated parameter value covers the requested date; we never fall back to the nearest year. */
export class NoParametersForDateError extends Error {
  constructor(
    readonly parameter: string,
    readonly date: string,
  ) {
    super(`No value of parameter "${parameter}" is in force on ${date}`);
    this.name = 'NoParametersForDateError';
  }
}

export class UnknownParameterError extends Error {
  constructor(readonly parameter: string) {
    super(`Unknown parameter "${parameter}"`);
    this.name = 'UnknownParameterError';
  }
}

export class UnknownProgrammeError extends Error {
  constructor(readonly programme: string) {
    super(`Unknown programme "${programme}"`);
    this.name = 'UnknownProgrammeError';
  }
}

export interface ValidationIssue {
  /** JSON path such as `/people/0/birthDate`. */
  readonly path: string;
  /** Code such as `date.future`, `schema.type`; translated at the view edge. */
  readonly code: string;
}

export class HouseholdValidationError extends Error {
  constructor(readonly issues: readonly ValidationIssue[]) {
    super(`Invalid household: ${issues.map((i) => `${i.path} ${i.code}`).join('; ')}`);
    this.name = 'HouseholdValidationError';
  }
}
