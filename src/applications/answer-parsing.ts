import type { QuestionDefinition } from './application-forms.ts';

export type Parsed =
  { readonly ok: true; readonly value: string } | { readonly ok: false; readonly code: string };

const ISO = /^\d{4}-\d{2}-\d{2}$/;

function isRealDate(iso: string): boolean {
  if (!ISO.test(iso)) return false;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso;
}

/** "1,234.56", "1 234,56", "$1234" → cents; null when it is not an amount. */
export function parseMoney(text: string): number | null {
  const cleaned = text.replace(/[\s\u00a0\u202f$]/g, '');
  const match = /^(\d{1,3}(?:,\d{3})*|\d+)(?:[.,](\d{1,2}))?$/.exec(cleaned);
  if (!match) return null;
  const whole = Number((match[1] ?? '0').replace(/,/g, ''));
  const cents = Number(((match[2] ?? '') + '00').slice(0, 2));
  const total = whole * 100 + cents;
  return Number.isSafeInteger(total) && total <= 100_000_000_00 ? total : null;
}

/** Three date fields `<name>-day`, `<name>-month`, `<name>-year` as YYYY-MM-DD. */
export function parseDate(body: Readonly<Record<string, string>>, name: string): Parsed {
  const [day, month, year] = ['day', 'month', 'year'].map((part) => (body[`${name}-${part}`] ?? '').trim());
  if (!day && !month && !year) return { ok: false, code: 'required' };
  const iso = `${(year ?? '').padStart(4, '0')}-${(month ?? '').padStart(2, '0')}-${(day ?? '').padStart(2, '0')}`;
  if (!/^\d+$/.test(`${day}${month}${year}`) || (year ?? '').length !== 4 || !isRealDate(iso))
    return { ok: false, code: 'date' };
  if (iso < '1900-01-01' || iso > '2100-12-31') return { ok: false, code: 'date' };
  return { ok: true, value: iso };
}

/** The answer to one question from the posted form, or the error code shown against its field. */
export function parseAnswer(question: QuestionDefinition, body: Readonly<Record<string, string>>): Parsed {
  const raw = (body.answer ?? '').trim();
  switch (question.type) {
    case 'yes-no':
      return raw === 'yes' || raw === 'no' ? { ok: true, value: raw } : { ok: false, code: 'chooseYesNo' };
    case 'choice':
      return question.choices?.some((choice) => choice.value === raw)
        ? { ok: true, value: raw }
        : { ok: false, code: 'choose' };
    case 'date':
      return parseDate(body, 'answer');
    case 'money': {
      if (raw === '') return { ok: false, code: 'required' };
      const cents = parseMoney(raw);
      return cents === null ? { ok: false, code: 'money' } : { ok: true, value: String(cents) };
    }
    case 'integer': {
      if (raw === '') return { ok: false, code: 'required' };
      const value = /^\d{1,3}$/.test(raw) ? Number(raw) : NaN;
      const inRange = value >= (question.min ?? 0) && value <= (question.max ?? 999);
      return inRange ? { ok: true, value: String(value) } : { ok: false, code: 'integer' };
    }
    case 'employer-records':
      return { ok: false, code: 'notAsked' };
  }
}

/** What a date answer's three fields hold, for showing it back in the form. */
export function dateFields(iso: string | undefined): Record<string, string> {
  if (!iso || !ISO.test(iso)) return {};
  const [year, month, day] = iso.split('-') as [string, string, string];
  return { 'answer-day': String(Number(day)), 'answer-month': String(Number(month)), 'answer-year': year };
}
