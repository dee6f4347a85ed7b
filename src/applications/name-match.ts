/** A name folded for comparison: no accents, no case, letters only ("Amélie-Anne" → "amelieanne"). */
export function foldName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}]/gu, '');
}

/** Edit distance (insertions, deletions, substitutions, adjacent swaps), stopping early past `limit`. */
export function editDistance(a: string, b: string, limit = 3): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, (before[j - 2] ?? 0) + 1);
      current.push(best);
    }
    before = previous;
    previous = current;
  }
  return previous[b.length] ?? limit + 1;
}

/** Close enough for a search: one slip in a short name, two in a longer one, accents and case ignored. */
export function namesMatch(typed: string, stored: string): boolean {
  const a = foldName(typed);
  const b = foldName(stored);
  if (a === '' || b === '') return false;
  return editDistance(a, b) <= (Math.max(a.length, b.length) <= 5 ? 1 : 2);
}

/** A person matches a search by given and family name, also when the two were typed the other way round. */
export function personMatches(
  given: string,
  family: string,
  person: { givenName: string; familyName: string },
) {
  return (
    (namesMatch(given, person.givenName) && namesMatch(family, person.familyName)) ||
    (namesMatch(given, person.familyName) && namesMatch(family, person.givenName))
  );
}
