import { auditEntry } from '../platform/audit/access-context.ts';
import type { AuditService } from '../platform/audit/audit.service.ts';
import { formStrings, formValues } from '../platform/forms/form-body.ts';
import type { FieldErrors } from '../platform/forms/form-memory.ts';
import { formView } from '../platform/forms/form-view.ts';
import { defineNotices } from '../platform/forms/notices.ts';
import { linkedPersonId, parseUuid } from '../platform/http/request-identity.ts';
import type { RouteTable } from '../platform/http/route-table.ts';
import { parseDate } from './answer-parsing.ts';
import { applicableProgrammes, crumbsFor, personActor, startAndGo } from './applications.routes.ts';
import type { ApplicationRouteDependencies } from './applications.routes.ts';
import { applicationsPaths } from './applications.paths.ts';
import { REPRESENTATIVE_KINDS, REPRESENTATIVE_SCOPES } from './representatives.service.ts';
import type { AuthorisationInput, RepresentativesService } from './representatives.service.ts';
import { actingForPage, representativesPage } from './views/representatives.views.ts';

export const representativeNotices = defineNotices('applications.notices', ['authorised', 'revoked']);

const LINKED = { linkedPerson: true } as const;
const REPS = 'applications.reps';

/** Checks the representative form: who (SIN and birth date), as what, for what, until when (after today). */
export function checkRepresentative(
  values: Record<string, string>,
  staff: boolean,
  now: Date,
): { ok: true; value: AuthorisationInput } | { ok: false; errors: FieldErrors } {
  const errors: Record<string, string> = {};
  const sin = (values.sin ?? '').replace(/\D/g, '');
  if (!/^\d{9}$/.test(sin)) errors.sin = 'sin';
  const birth = parseDate(values, 'rep');
  if (!birth.ok) errors.repBirthDate = birth.code;
  const kinds = staff ? REPRESENTATIVE_KINDS.filter((k) => k !== 'family') : REPRESENTATIVE_KINDS;
  const kind = kinds.find((k) => k === values.kind);
  if (!kind) errors.kind = 'choose';
  const scope = REPRESENTATIVE_SCOPES.find((s) => s === values.scope);
  if (!scope) errors.scope = 'choose';
  const ends = parseDate(values, 'ends');
  if (!ends.ok || ends.value <= now.toISOString().slice(0, 10)) errors.endsOn = 'endsOn';
  const note = (values.evidenceNote ?? '').trim().slice(0, 200);
  if (staff && note.length < 5) errors.evidenceNote = 'evidenceNote';
  if (!kind || !scope || !birth.ok || !ends.ok || Object.keys(errors).length > 0)
    return { ok: false, errors };
  return {
    ok: true,
    value: {
      sin,
      birthDate: birth.value,
      kind,
      scope,
      endsOn: ends.value,
      ...(staff ? { evidenceNote: note } : {}),
    },
  };
}

/** The person's representatives (authorise, remove) and, for a representative, the people they act for. */
export function registerRepresentativeRoutes(
  routes: RouteTable,
  deps: ApplicationRouteDependencies & {
    readonly representatives: RepresentativesService;
    readonly audit: AuditService;
    readonly clock: () => Date;
  },
): void {
  const crumbs = crumbsFor(deps.home, 'portal.my.title');
  routes.page(
    'GET',
    applicationsPaths.representatives,
    'signed-in',
    async (request, _reply, view) => {
      const form = formView(view.t, 'applications', request.csrfToken(), await view.recall(REPS));
      const given = await deps.representatives.given(linkedPersonId(request));
      return view.send(
        representativesPage({ ...form, values: { ...form.values, sin: '' } }, given, crumbs(view.t)),
      );
    },
    LINKED,
  );
  routes.page(
    'POST',
    applicationsPaths.representatives,
    'signed-in',
    async (request, _reply, view) => {
      const checked = checkRepresentative(formStrings(request), false, deps.clock());
      if (!checked.ok) return view.refuse(REPS, { values: formValues(request), errors: checked.errors });
      const actor = personActor(request);
      const result = await deps.representatives.authorise(actor.id, checked.value, 'person', actor.context);
      if (!result.ok) return view.refuse(REPS, { values: formValues(request), errors: { sin: result.code } });
      await view.accept(REPS);
      return view.redirect(applicationsPaths.representatives, { notice: representativeNotices.authorised });
    },
    LINKED,
  );
  routes.page(
    'POST',
    applicationsPaths.revokeRepresentative,
    'signed-in',
    async (request, reply, view) => {
      const id = parseUuid((request.params as { authorisationId?: string }).authorisationId);
      const actor = personActor(request);
      if (!id || !(await deps.representatives.revoke(actor.id, id, actor.context)))
        return reply.callNotFound();
      return view.redirect(applicationsPaths.representatives, { notice: representativeNotices.revoked });
    },
    LINKED,
  );
  routes.page(
    'GET',
    applicationsPaths.actingFor,
    'signed-in',
    async (request, _reply, view) => {
      const held = await deps.representatives.held(linkedPersonId(request));
      const people = await Promise.all(
        held.map(async (authorisation) => ({
          authorisation,
          applications:
            authorisation.scope === 'apply-and-view'
              ? await deps.applications.listOf(authorisation.personId)
              : [],
        })),
      );
      const names = new Map([...(await deps.programmeNames())].map(([id, name]) => [id, name[view.lang]]));
      const form = formView(view.t, 'applications', request.csrfToken(), undefined);
      return view.send(
        actingForPage(
          form,
          people,
          await applicableProgrammes(deps, view.t),
          names,
          crumbs(view.t).slice(0, 1),
        ),
      );
    },
    LINKED,
  );
  routes.page(
    'POST',
    applicationsPaths.applyFor,
    'signed-in',
    async (request, reply, view) => {
      const personId = parseUuid((request.params as { personId?: string }).personId);
      const programmeId = formStrings(request).programme ?? '';
      const actor = personActor(request);
      // Outside an authorisation in force (ended, removed, never given) the start is refused and audited.
      if (
        !personId ||
        !deps.applications.form(programmeId) ||
        !(await deps.representatives.mayRepresent(actor.id, personId))
      ) {
        await deps.audit.record(
          auditEntry(actor.context, personId, 'application.started', 'denied', { onBehalf: true }),
        );
        return reply.callNotFound();
      }
      const sent = await startAndGo(
        view,
        deps,
        actor,
        { personId, programmeId, carried: null },
        crumbs(view.t),
      );
      return sent ?? reply.callNotFound();
    },
    LINKED,
  );
}
