import { staffOf } from '../platform/http/request-identity.ts';
import type { RouteTable } from '../platform/http/route-table.ts';
import type { FormValues } from '../platform/forms/form-memory.ts';
import type { CatalogueService } from '../catalogue/index.ts';
import { todayIso } from '../platform/clock.ts';
import { policyPaths } from './policy.paths.ts';
import type { PolicyService } from './policy.service.ts';
import { releasePage } from './views/release.views.ts';

export interface PolicyRouteDependencies {
  readonly policy: PolicyService;
  readonly catalogue: Pick<CatalogueService, 'listProgrammes'>;
  readonly clock: () => Date;
}

type Parsed = { ok: true; date: string } | { ok: false; code: 'required' | 'not-a-date' };

/** Three fields (day, month, year) to an ISO date; a real calendar date or a named error. */
export function parseDateFields(query: Readonly<Record<string, string | undefined>>, name: string): Parsed {
  const [day, month, year] = ['day', 'month', 'year'].map((part) => (query[`${name}-${part}`] ?? '').trim());
  if (!day && !month && !year) return { ok: false, code: 'required' };
  if (![day, month, year].every((v) => /^\d+$/.test(v ?? '')) || (year ?? '').length !== 4)
    return { ok: false, code: 'not-a-date' };
  const iso = `${year}-${(month ?? '').padStart(2, '0')}-${(day ?? '').padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso
    ? { ok: true, date: iso }
    : { ok: false, code: 'not-a-date' };
}

function dateValues(name: string, iso: string): FormValues {
  const [year = '', month = '', day = ''] = iso.split('-');
  return {
    [`${name}-day`]: String(Number(day)),
    [`${name}-month`]: String(Number(month)),
    [`${name}-year`]: year,
  };
}

/**
 * The policy analyst's page: a GET form (it changes nothing, so it needs no token), then the release
 * preview for the two dates asked. The register read is audited by the person module.
 */
export function registerPolicyRoutes(routes: RouteTable, deps: PolicyRouteDependencies): void {
  routes.page(
    'GET',
    policyPaths.release,
    'permission:policy.release.preview',
    async (request, _reply, view) => {
      const query = request.query as Record<string, string | undefined>;
      const asked = Object.keys(query).some((k) => k.startsWith('from-') || k.startsWith('to-'));
      const form = {
        t: view.t,
        ns: 'policy',
        csrf: '',
        values: asked ? (query as FormValues) : dateValues('from', todayIso(deps.clock)),
        errors: {} as Record<string, string>,
      };
      const from = parseDateFields(query, 'from');
      const to = parseDateFields(query, 'to');
      if (asked && !from.ok) form.errors.from = from.code;
      if (asked && !to.ok) form.errors.to = to.code;
      const staff = staffOf(request);
      const preview =
        asked && from.ok && to.ok
          ? await deps.policy.previewRelease({
              from: from.date,
              to: to.date,
              withImpact: true,
              actor: { type: 'staff', id: staff.staffId, role: 'policy-analyst' },
              channel: 'online',
            })
          : null;
      const programmes = await deps.catalogue.listProgrammes();
      const names = new Map(
        programmes
          .filter((p) => p.rules_programme_id)
          .map((p) => [p.rules_programme_id as string, view.lang === 'en' ? p.name_en : p.name_fr]),
      );
      return view.send(releasePage(view.t, { form, action: view.path(policyPaths.release), preview, names }));
    },
  );
}
