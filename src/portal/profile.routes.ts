import { selfContext } from '../platform/audit/access-context.ts';
import { todayIso } from '../platform/clock.ts';
import { formStrings, formValues } from '../platform/forms/form-body.ts';
import { formView } from '../platform/forms/form-view.ts';
import type { FormValues } from '../platform/forms/form-memory.ts';
import { defineNotices } from '../platform/forms/notices.ts';
import { linkedPersonId } from '../platform/http/request-identity.ts';
import type { RouteTable } from '../platform/http/route-table.ts';
import { checkAddress, checkBankAccount, checkContact } from '../person/index.ts';
import type { PersonService, Profile } from '../person/index.ts';
import type { PortalCard } from './portal-cards.ts';
import { portalPaths } from './portal.paths.ts';
import { addressPage, contactPage, directDepositPage } from './views/edit.views.ts';
import { profilePage } from './views/profile.views.ts';

export const portalNotices = defineNotices('portal.notices', [
  'addressChanged',
  'contactChanged',
  'depositChanged',
]);

export interface ProfileRouteDependencies {
  readonly person: PersonService;
  /** Where the person sees who was told of an address change (the sharing capability's page). */
  readonly afterAddressChange: PortalCard['path'];
  /** Other capabilities' pages about the record, linked from My profile. */
  readonly related: readonly PortalCard[];
  readonly clock: () => Date;
}

const LINKED = { linkedPerson: true } as const;
// Checklist 10: email, phone and bank details are where money and security notices go: a fresh second factor.
const SENSITIVE = { linkedPerson: true, stepUp: { level: 2 } } as const;
const FORMS = { address: 'portal.address', contact: 'portal.contact', deposit: 'portal.deposit' } as const;

/** My profile, and the person's own changes of address, contact details and direct deposit. */
export function registerProfileRoutes(routes: RouteTable, deps: ProfileRouteDependencies): void {
  const { person } = deps;
  routes.page(
    'GET',
    portalPaths.profile,
    'signed-in',
    async (request, _reply, view) => {
      const personId = linkedPersonId(request);
      const [profile, changes] = await Promise.all([
        person.getProfile(personId, selfContext(request, personId)),
        person.listChanges(personId),
      ]);
      return view.send(profilePage(view.t, profile, changes, deps.related));
    },
    LINKED,
  );

  routes.page(
    'GET',
    portalPaths.address,
    'signed-in',
    async (request, _reply, view) => {
      const personId = linkedPersonId(request);
      const kept = await view.recall(FORMS.address);
      const current = kept
        ? {}
        : addressValues(
            await person.getProfile(personId, selfContext(request, personId)),
            todayIso(deps.clock),
          );
      return view.send(addressPage(formView(view.t, 'person', request.csrfToken(), kept, current)));
    },
    LINKED,
  );
  routes.page(
    'POST',
    portalPaths.address,
    'signed-in',
    async (request, _reply, view) => {
      const personId = linkedPersonId(request);
      const result = checkAddress(formStrings(request));
      if (!result.ok)
        return view.refuse(FORMS.address, { values: formValues(request), errors: result.errors });
      await person.changeAddress(personId, result.value, selfContext(request, personId));
      await view.accept(FORMS.address);
      return view.redirect(deps.afterAddressChange, { notice: portalNotices.addressChanged });
    },
    LINKED,
  );

  routes.page(
    'GET',
    portalPaths.contact,
    'signed-in',
    async (request, _reply, view) => {
      const personId = linkedPersonId(request);
      const kept = await view.recall(FORMS.contact);
      const current = kept
        ? {}
        : contactValues(await person.getProfile(personId, selfContext(request, personId)));
      return view.send(contactPage(formView(view.t, 'person', request.csrfToken(), kept, current)));
    },
    LINKED,
  );
  routes.page(
    'POST',
    portalPaths.contact,
    'signed-in',
    async (request, _reply, view) => {
      const personId = linkedPersonId(request);
      const result = checkContact(formValues(request) as Record<string, string | string[]>);
      if (!result.ok)
        return view.refuse(FORMS.contact, { values: formValues(request), errors: result.errors });
      await person.changeContact(personId, result.value, selfContext(request, personId));
      await view.accept(FORMS.contact);
      return view.redirect(portalPaths.profile, { notice: portalNotices.contactChanged });
    },
    SENSITIVE,
  );

  routes.page(
    'GET',
    portalPaths.directDeposit,
    'signed-in',
    async (request, _reply, view) => {
      const kept = await view.recall(FORMS.deposit);
      return view.send(directDepositPage(formView(view.t, 'person', request.csrfToken(), kept)));
    },
    SENSITIVE,
  );
  routes.page(
    'POST',
    portalPaths.directDeposit,
    'signed-in',
    async (request, _reply, view) => {
      const personId = linkedPersonId(request);
      const result = checkBankAccount(formStrings(request));
      // Kept encrypted on the server against the session, never in a cookie (ASVS 14.3.3).
      if (!result.ok)
        return view.refuse(FORMS.deposit, { values: formValues(request), errors: result.errors });
      await person.changeDirectDeposit(personId, result.value, selfContext(request, personId));
      await view.accept(FORMS.deposit);
      return view.redirect(portalPaths.profile, { notice: portalNotices.depositChanged });
    },
    SENSITIVE,
  );
}

/** The contact form prefilled with what the record holds. */
/** The address form starts from the address on file (its province included) and today's date, in three fields. */
function addressValues(profile: Profile, today: string): FormValues {
  const address = profile.currentAddress;
  const [year = '', month = '', day = ''] = today.split('-');
  return {
    line1: address?.line1 ?? '',
    line2: address?.line2 ?? '',
    city: address?.city ?? '',
    provinceCode: address?.provinceCode ?? '',
    postalCode: address?.postalCode ?? '',
    'effectiveFrom-day': String(Number(day)),
    'effectiveFrom-month': String(Number(month)),
    'effectiveFrom-year': year,
  };
}

function contactValues(profile: Profile): FormValues {
  return {
    email: profile.contact.email ?? '',
    phone: profile.contact.phone ?? '',
    preferredLanguage: profile.preferredLanguage,
    preferredChannel: profile.contact.preferredChannel,
    accessibilityNeeds: profile.contact.accessibilityNeeds ?? '',
    alternateFormats: profile.contact.alternateFormats,
  };
}
