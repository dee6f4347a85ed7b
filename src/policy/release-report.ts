import type { ParameterChange, ParameterVersion } from '../rules/index.ts';
import type { ReleasePreview } from './policy.service.ts';
import type { GroupImpact } from './release-impact.ts';

const dollars = new Intl.NumberFormat('en-CA', {
  style: 'currency',
  currency: 'CAD',
  maximumFractionDigits: 0,
});
const count = new Intl.NumberFormat('en-CA');

function showValue(version: ParameterVersion | null, unit: string): string {
  if (version === null) return 'not on file';
  const value =
    typeof version.value === 'number'
      ? unit === 'cents'
        ? dollars.format(version.value / 100)
        : String(version.value)
      : JSON.stringify(version.value);
  return `${value} (from ${version.effective})`;
}

/** For a table (rates by family size…), only the entries that changed. */
function tableLines(before: ParameterVersion, after: ParameterVersion): string[] | null {
  if (typeof before.value === 'number' || typeof after.value === 'number') return null;
  const a = before.value;
  const b = after.value;
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => a[k] !== b[k]);
  return [
    `    ${before.effective} → ${after.effective}:`,
    ...keys.map((k) => `      ${k}: ${a[k] ?? 'none'} → ${b[k] ?? 'none'}`),
  ];
}

function changeLines(change: ParameterChange): string[] {
  const table = change.before && change.after ? tableLines(change.before, change.after) : null;
  return [
    `  ${change.parameter}: ${change.descriptionEn}`,
    ...(table ?? [
      `    before: ${showValue(change.before, change.unit)}`,
      `    after:  ${showValue(change.after, change.unit)}`,
    ]),
    ...change.reference.map((r) => `    source: ${r.title} <${r.href}>`),
  ];
}

function groupLine(g: GroupImpact, label: string): string {
  const average = g.households === 0 ? 0 : g.changeCents / g.households / 100;
  return `  ${label.padEnd(14)} ${count.format(g.households).padStart(9)} households  winners ${count.format(g.winners).padStart(8)}  losers ${count.format(g.losers).padStart(8)}  net ${dollars.format(g.changeCents / 100).padStart(16)}  average ${dollars.format(average)}`;
}

/** The release preview as the command line prints it: changes with sources, then the impact. */
export function formatReleaseReport(preview: ReleasePreview): string {
  const lines = [`Parameter changes from ${preview.from} to ${preview.to}: ${preview.changes.length}`];
  for (const change of preview.changes) lines.push(...changeLines(change));
  const impact = preview.impact;
  if (impact) {
    lines.push(
      '',
      `Impact on the register (${count.format(impact.people)} people in ${count.format(impact.households)} households), per year:`,
      `  people affected: ${count.format(impact.peopleAffected)} in ${count.format(impact.householdsAffected)} households; net cost ${dollars.format(impact.changeCents / 100)}`,
      '',
      'By programme (annual cost before → after; households the register cannot tell about):',
      ...impact.programmes.map(
        (p) =>
          `  ${p.programme.padEnd(24)} ${dollars.format(p.beforeCents / 100).padStart(18)} → ${dollars.format(p.afterCents / 100).padStart(18)}  change ${dollars.format(p.changeCents / 100).padStart(16)}  people affected ${count.format(p.peopleAffected).padStart(9)}  cannot tell ${count.format(p.cannotTell)}`,
      ),
      '',
      'Winners and losers by decile of household income:',
      ...impact.deciles.map((d) =>
        groupLine(d, `decile ${d.group} ≤ ${dollars.format((d.upperIncomeCents ?? 0) / 100)}`.slice(0, 14)),
      ),
      '',
      'By province or territory:',
      ...impact.provinces.map((p) => groupLine(p, p.group)),
    );
  }
  lines.push('', `Computed in ${(preview.elapsedMs / 1000).toFixed(1)} s.`);
  return lines.join('\n');
}
