/**
 * Oracle cases where PolicyEngine Canada and our engine differ and our answer follows the law or
 * CRA's/ESDC's published figures. Each reason says what PolicyEngine simplifies and cites the law.
 * A listed case that starts passing fails the oracle test, so this list can only shrink honestly.
 */

const CDB_BACKDATED =
  'PolicyEngine applies its earliest CDB parameters (July 2022: $2,985, threshold $71,060) to earlier periods; ' +
  'the law indexes them each July (ITA s. 122.61(1) element C and s. 122.61(5)): CRA published $2,886 / $68,708 ' +
  'for July 2020-June 2021 and $2,915 / $69,395 for July 2021-June 2022, which we apply';

const CWB_UNINDEXED =
  'PolicyEngine labels 2023 the 2021 amounts written in ITA s. 122.7 ($1,395 / $2,403, supplement $720, ' +
  'phase-outs from $22,944 / $26,177 and $32,244 / $42,197) without the s. 117.1 indexation; for the 2023 tax ' +
  'year we apply $1,518 / $2,616, $784, $24,975 / $28,494 and $35,098 / $45,932';

const OAS_ANNUAL_BASE =
  'PolicyEngine pays one annual OAS base for 2022 ($8,226 = 12 x $685.50, the October-December maximum) and ' +
  'the 10 % increase at 75 for all twelve months; the OAS Act indexes the maximum quarterly (s. 7: $642.25, ' +
  '$648.67, $666.83, $685.50, so $7,929.75 for the year) and pays the increase from July 2022 (s. 7(5))';

const ids = (file: string, indexes: readonly number[]): string[] => indexes.map((i) => `${file}#${i}`);

const GROUPS: readonly (readonly [string, readonly string[]])[] = [
  [
    CDB_BACKDATED,
    [
      ...ids('gov/cra/benefits/cdb/child_disability_benefit.yaml', [1]),
      ...ids('gov/cra/benefits/cdb/child_disability_benefit_reduction.yaml', [1, 2, 3, 4]),
    ],
  ],
  [
    CWB_UNINDEXED,
    [
      ...ids('gov/cra/benefits/cwb/base/cwb_base_max_amount.yaml', [0, 1]),
      ...ids('gov/cra/benefits/cwb/base/cwb_base_phase_out.yaml', [1, 2]),
      ...ids('gov/cra/benefits/cwb/disability_supplement/cwb_disability_supplement_max_amount.yaml', [0, 2]),
      ...ids(
        'gov/cra/benefits/cwb/disability_supplement/cwb_disability_supplement_phase_out.yaml',
        [1, 3, 4],
      ),
    ],
  ],
  [
    OAS_ANNUAL_BASE,
    [
      ...ids('gov/cra/benefits/oas/integration.yaml', [0, 1, 2]),
      ...ids('gov/cra/benefits/oas/oas_pre_repayment.yaml', [0, 1]),
    ],
  ],
];

export const LISTED: Readonly<Record<string, string>> = Object.fromEntries(
  GROUPS.flatMap(([reason, cases]) => cases.map((id) => [id, reason] as const)),
);

/**
 * Answers that are listed by the adapters themselves: PolicyEngine-only intermediate variables, or
 * cases whose every variable is one we deliberately do not model (Ontario credits, income tax).
 */
export const INTERNAL_MARKERS = ['PolicyEngine-internal', 'no variable of this case is one we model'];
