import type { NoticeTemplates } from '../../platform/notify/notify-config.ts';

export interface StandInTemplate {
  readonly id: string;
  readonly type: 'email' | 'sms';
  readonly name: string;
  /** Email only. */
  readonly subject?: string;
  readonly body: string;
  readonly version: number;
}

const id = (n: number) => `5e1a7c00-9b1d-4c6e-8f00-${String(n).padStart(12, '0')}`;

/** The stand-in's templates for Guichet's notices: general words and a link, nothing about the person. */
export const GUICHET_TEMPLATES: readonly StandInTemplate[] = [
  email(
    101,
    'new-document en',
    'You have a new document in My Guichet',
    'There is a new document in your My Guichet inbox.\n\nSign in to read it: ((link))',
  ),
  email(
    102,
    'new-document fr',
    'Vous avez un nouveau document dans Mon Guichet',
    'Un nouveau document se trouve dans votre boîte Mon Guichet.\n\nOuvrez une session pour le lire\u00a0: ((link))',
  ),
  sms(103, 'new-document en', 'Guichet: you have a new document. Sign in to read it: ((link))'),
  sms(
    104,
    'new-document fr',
    'Guichet\u00a0: vous avez un nouveau document. Ouvrez une session pour le lire\u00a0: ((link))',
  ),
  email(
    111,
    'new-message en',
    'You have a new message in My Guichet',
    'There is a new message for you in My Guichet.\n\nSign in to read it: ((link))',
  ),
  email(
    112,
    'new-message fr',
    'Vous avez un nouveau message dans Mon Guichet',
    'Un nouveau message vous attend dans Mon Guichet.\n\nOuvrez une session pour le lire\u00a0: ((link))',
  ),
  sms(113, 'new-message en', 'Guichet: you have a new message. Sign in to read it: ((link))'),
  sms(
    114,
    'new-message fr',
    'Guichet\u00a0: vous avez un nouveau message. Ouvrez une session pour le lire\u00a0: ((link))',
  ),
  email(
    121,
    'reminder en',
    'A reminder from Guichet',
    'Something in My Guichet needs your attention.\n\nSign in to see it: ((link))',
  ),
  email(
    122,
    'reminder fr',
    'Un rappel de Guichet',
    'Un élément de Mon Guichet demande votre attention.\n\nOuvrez une session pour le voir\u00a0: ((link))',
  ),
  sms(123, 'reminder en', 'Guichet: something needs your attention. Sign in to see it: ((link))'),
  sms(
    124,
    'reminder fr',
    'Guichet\u00a0: un élément demande votre attention. Ouvrez une session pour le voir\u00a0: ((link))',
  ),
];

/** The ids above by kind, channel and language, as the notify client's configuration wants them. */
export const GUICHET_TEMPLATE_IDS: NoticeTemplates = {
  'new-document': { email: { en: id(101), fr: id(102) }, sms: { en: id(103), fr: id(104) } },
  'new-message': { email: { en: id(111), fr: id(112) }, sms: { en: id(113), fr: id(114) } },
  reminder: { email: { en: id(121), fr: id(122) }, sms: { en: id(123), fr: id(124) } },
};

function email(n: number, name: string, subject: string, body: string): StandInTemplate {
  return { id: id(n), type: 'email', name, subject, body, version: 1 };
}

function sms(n: number, name: string, body: string): StandInTemplate {
  return { id: id(n), type: 'sms', name, body, version: 1 };
}

const PLACEHOLDER = /\(\(([^()]+?)\)\)/g;
/** Notify matches placeholder names ignoring case, spaces, hyphens and underscores (`((First name))` takes `first_name`). */
const normalise = (name: string) => name.replace(/[\s_-]+/g, '').toLowerCase();

export type Rendered =
  { readonly subject: string | null; readonly body: string } | { readonly missing: readonly string[] };

/** Fills `((placeholder))`s from the personalisation, or names the placeholders left without a value. */
export function renderTemplate(
  template: StandInTemplate,
  personalisation: Readonly<Record<string, unknown>>,
): Rendered {
  const values = new Map(Object.entries(personalisation).map(([key, value]) => [normalise(key), value]));
  const texts = [template.subject ?? '', template.body];
  const missing = new Map<string, string>();
  for (const [, name = ''] of texts.flatMap((text) => [...text.matchAll(PLACEHOLDER)])) {
    if (!values.has(normalise(name)) && !missing.has(normalise(name))) missing.set(normalise(name), name);
  }
  if (missing.size > 0) return { missing: [...missing.values()] };
  const fill = (text: string) =>
    text.replace(PLACEHOLDER, (_, name: string) => String(values.get(normalise(name)) ?? ''));
  return {
    subject: template.subject === undefined ? null : fill(template.subject),
    body: fill(template.body),
  };
}
