import { selfContext } from '../platform/audit/access-context.ts';
import { todayIso } from '../platform/clock.ts';
import { stringsOf } from '../platform/forms/form-body.ts';
import type { FormValues } from '../platform/forms/form-memory.ts';
import type { Translator } from '../platform/i18n/i18n.ts';
import { defineNotices } from '../platform/forms/notices.ts';
import { linkedPersonId } from '../platform/http/request-identity.ts';
import type { RouteTable } from '../platform/http/route-table.ts';
import {
  addressFields,
  checkAddress,
  checkBankAccount,
  checkContact,
  contactFields,
} from '../person/index.ts';
import type { AddressInput, ContactInput, PersonService, Profile } from '../person/index.ts';
import { registerChangeSteps } from './change-steps.routes.ts';
import type { PortalCard } from './portal-cards.ts';
import { portalPaths } from './portal.paths.ts';
import { depositFields } from './views/change.views.ts';
import type { AnswerRow } from './views/change.views.ts';
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
      const { profile, changes } = await person.getProfileWithChanges(
        personId,
        selfContext(request, personId),
      );
      return view.send(profilePage(view.t, profile, changes, deps.related));
    },
    LINKED,
  );

  registerChangeSteps(routes, person, portalPaths.profile, {
    key: 'address',
    element: 'address',
    formId: FORMS.address,
    paths: { form: portalPaths.address, check: portalPaths.addressCheck, done: portalPaths.addressDone },
    requires: LINKED,
    current: async (personId, context) =>
      addressValues(await person.getProfile(personId, context), todayIso(deps.clock)),
    fields: (form) => addressFields(form, 'person'),
    validate: (values) => checkAddress(stringsOf(values)),
    save: (personId, value, context, options) => person.changeAddress(personId, value, context, options),
    rows: addressRows,
    follow: deps.afterAddressChange,
  });
  registerChangeSteps(routes, person, portalPaths.profile, {
    key: 'contact',
    element: 'contact',
    formId: FORMS.contact,
    paths: { form: portalPaths.contact, check: portalPaths.contactCheck, done: portalPaths.contactDone },
    requires: SENSITIVE,
    current: async (personId, context) => contactValues(await person.getProfile(personId, context)),
    fields: (form) => contactFields(form, 'person'),
    validate: (values) => checkContact(listsOf(values)),
    save: (personId, value, context, options) => person.changeContact(personId, value, context, options),
    rows: contactRows,
  });
  registerChangeSteps(routes, person, portalPaths.profile, {
    key: 'deposit',
    element: 'direct-deposit',
    formId: FORMS.deposit,
    paths: {
      form: portalPaths.directDeposit,
      check: portalPaths.depositCheck,
      done: portalPaths.depositDone,
    },
    requires: SENSITIVE,
    current: () => Promise.resolve({}),
    fields: depositFields,
    validate: (values) => checkBankAccount(stringsOf(values)),
    save: (personId, value, context, options) =>
      person.changeDirectDeposit(personId, value, context, options),
    rows: (t, value) => [
      { field: 'institution', label: t.t('person.fields.institution'), value: value.institution },
      { field: 'transit', label: t.t('person.fields.transit'), value: value.transit },
      { field: 'account', label: t.t('person.fields.account'), value: value.account },
    ],
  });
}

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

/** The contact form prefilled with what the record holds. */
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

function addressRows(t: Translator, value: AddressInput): AnswerRow[] {
  const none = t.t('person.profile.none');
  return [
    { field: 'line1', label: t.t('person.fields.line1'), value: value.line1 },
    { field: 'line2', label: t.t('person.fields.line2'), value: value.line2 ?? none },
    { field: 'city', label: t.t('person.fields.city'), value: value.city },
    {
      field: 'provinceCode',
      label: t.t('person.fields.provinceCode'),
      value: t.t(`person.provinces.${value.provinceCode}`),
    },
    { field: 'postalCode', label: t.t('person.fields.postalCode'), value: value.postalCode },
    {
      field: 'effectiveFrom-day',
      label: t.t('person.fields.effectiveFrom'),
      value: t.date(value.effectiveFrom),
    },
  ];
}

function contactRows(t: Translator, value: ContactInput): AnswerRow[] {
  const none = t.t('person.profile.none');
  const formats = value.alternateFormats.map((format) => t.t(`person.formats.${format}`)).join(', ');
  return [
    { field: 'email', label: t.t('person.fields.email'), value: value.email ?? none },
    { field: 'phone', label: t.t('person.fields.phone'), value: value.phone ?? none },
    {
      field: 'preferredLanguage',
      label: t.t('person.fields.preferredLanguage'),
      value: t.t(`person.language.${value.preferredLanguage}`),
    },
    {
      field: 'preferredChannel',
      label: t.t('person.fields.preferredChannel'),
      value: t.t(`person.channel.${value.preferredChannel}`),
    },
    {
      field: 'accessibilityNeeds',
      label: t.t('person.fields.accessibilityNeeds'),
      value: value.accessibilityNeeds ?? none,
    },
    { field: 'alternateFormats', label: t.t('person.fields.alternateFormats'), value: formats || none },
  ];
}

/** Checkboxes come back as lists; the contact check reads them so. */
function listsOf(values: FormValues): Record<string, string | string[]> {
  return Object.fromEntries(
    Object.entries(values).map(([name, value]) => [name, typeof value === 'string' ? value : [...value]]),
  );
}
