/**
 * A date typed in the form kit's three fields (`<prefix>day`, `<prefix>month`, `<prefix>year`, see `dateInput`)
 * as YYYY-MM-DD: null when all three are empty, '' when they do not make a real calendar date (31 February,
 * a two-digit year), so a form can say "enter the date" and "enter a real date" apart.
 */
export function dateFromParts(
  values: Readonly<Record<string, string | undefined>>,
  prefix: string,
): string | null {
  const [day = '', month = '', year = ''] = ['day', 'month', 'year'].map((part) =>
    (values[`${prefix}${part}`] ?? '').trim(),
  );
  if (day === '' && month === '' && year === '') return null;
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) return '';
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  const parsed = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(iso) ? iso : '';
}

/** The three fields as typed, to give back to the form when it is refused. */
export function datePartValues(
  values: Readonly<Record<string, string | undefined>>,
  prefix: string,
): Record<string, string> {
  return Object.fromEntries(
    ['day', 'month', 'year'].map((part) => [`${prefix}${part}`, (values[`${prefix}${part}`] ?? '').trim()]),
  );
}
