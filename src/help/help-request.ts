import type { FieldErrors } from '../platform/forms/form-memory.ts';
import type { FormValues } from '../platform/forms/form-memory.ts';
import { listOf, stringsOf } from '../platform/forms/form-body.ts';

export const ACCOMMODATIONS = [
  'asl',
  'lsq',
  'relay',
  'large-print',
  'extra-time',
  'support-person',
  'step-free',
] as const;
export type Accommodation = (typeof ACCOMMODATIONS)[number];
export const TIMES_OF_DAY = ['morning', 'afternoon', 'any'] as const;
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;
export const NAME_MAX = 100;
export const NOTE_MAX = 500;

/** What a person asks for: a call back, or an appointment at an office. */
export interface HelpRequestInput {
  readonly kind: 'appointment' | 'callback';
  readonly programmeId: string | null;
  readonly officeId: string | null;
  readonly name: string;
  readonly phone: string;
  readonly lang: 'en' | 'fr';
  readonly timeOfDay: (typeof TIMES_OF_DAY)[number];
  readonly days: readonly (typeof WEEKDAYS)[number][];
  readonly accommodations: readonly Accommodation[];
  readonly accommodationDetails: string;
  readonly about: string;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

const ALLOWED_CONTROLS = new Set(['\n', '\r', '\t']);
const hasControl = (text: string) => [...text].some((c) => /\p{Cc}/u.test(c) && !ALLOWED_CONTROLS.has(c));

function text(value: string | undefined, max: number, required: boolean): string | null {
  const trimmed = (value ?? '').trim();
  if (trimmed === '') return required ? 'required' : null;
  if (trimmed.length > max) return 'tooLong';
  return hasControl(trimmed) ? 'invalid' : null;
}

/** A North American number: ten digits, or eleven starting with 1; spaces, dashes, dots, brackets and + allowed. */
function phoneError(value: string | undefined): string | null {
  const raw = (value ?? '').trim();
  if (raw === '') return 'required';
  if (!/^[\d\s().+-]{10,20}$/.test(raw)) return 'invalid';
  const digits = raw.replace(/\D/g, '');
  return digits.length === 10 || (digits.length === 11 && digits.startsWith('1')) ? null : 'invalid';
}

const oneOf = <T extends string>(list: readonly T[], value: string | undefined): value is T =>
  (list as readonly string[]).includes(value ?? '');

/** Checks a posted request; error codes are `help.errors.<field>.<problem>`. */
export function checkHelpRequest(
  kind: HelpRequestInput['kind'],
  values: FormValues,
  known: { programmes: ReadonlySet<string>; offices: ReadonlySet<string> },
): Checked<HelpRequestInput> {
  const v = stringsOf(values);
  const errors: Record<string, string> = {};
  const fail = (field: string, problem: string | null) => {
    if (problem) errors[field] = `help.errors.${field}.${problem}`;
  };
  const programmeId = v.programmeId ?? '';
  if (programmeId !== '' && !known.programmes.has(programmeId)) fail('programmeId', 'invalid');
  if (kind === 'appointment' && !known.offices.has(v.officeId ?? '')) fail('officeId', 'required');
  fail('name', text(v.name, NAME_MAX, true));
  fail('phone', phoneError(v.phone));
  if (!oneOf(['en', 'fr'] as const, v.lang)) fail('lang', 'required');
  if (!oneOf(TIMES_OF_DAY, v.timeOfDay)) fail('timeOfDay', 'required');
  const days = listOf(values, 'days');
  if (kind === 'appointment' && (days.length === 0 || !days.every((day) => oneOf(WEEKDAYS, day))))
    fail('days', 'required');
  const accommodations = listOf(values, 'accommodations');
  if (!accommodations.every((item) => oneOf(ACCOMMODATIONS, item))) fail('accommodations', 'invalid');
  fail('accommodationDetails', text(v.accommodationDetails, NOTE_MAX, false));
  fail('about', text(v.about, NOTE_MAX, false));
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      kind,
      programmeId: programmeId || null,
      officeId: kind === 'appointment' ? (v.officeId ?? null) : null,
      name: (v.name ?? '').trim(),
      phone: (v.phone ?? '').trim(),
      lang: v.lang as 'en' | 'fr',
      timeOfDay: v.timeOfDay as HelpRequestInput['timeOfDay'],
      days: kind === 'appointment' ? (days as HelpRequestInput['days']) : [],
      accommodations: accommodations as Accommodation[],
      accommodationDetails: (v.accommodationDetails ?? '').trim(),
      about: (v.about ?? '').trim(),
    },
  };
}
