import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { GuichetApp } from '../../src/app.ts';
import { QUESTIONS } from '../../src/finder/finder.questions.ts';
import type { QuestionId } from '../../src/finder/finder.questions.ts';
import { CookieJar } from './app.ts';

export type Lang = 'en' | 'fr';
/** The form fields to post for each question the finder asks; a question not listed fails the test. */
export type ScenarioAnswers = Partial<Record<QuestionId, Record<string, string>>>;

export type Group = 'eligible' | 'cannot-tell' | 'not-eligible';

export interface FoundCard {
  readonly group: Group;
  /** The rules programme id, from the link to the programme's page. */
  readonly programme: string;
  readonly forWhom: string;
  /** The card's text, tags removed. */
  readonly text: string;
}

const FINDER = { en: '/en/benefits-finder', fr: '/fr/trouver-des-prestations' } as const;
const RESULTS = { en: '/en/benefits-finder/results', fr: '/fr/trouver-des-prestations/resultats' } as const;

interface CatalogueEntry {
  readonly rules_programme_id: string;
  readonly slug_en: string;
  readonly slug_fr: string;
}
const CATALOGUE = JSON.parse(
  readFileSync(new URL('../../reference-data/canada/programmes.json', import.meta.url), 'utf8'),
) as CatalogueEntry[];

const GROUP_HEADINGS: Record<Lang, Record<Group, string>> = {
  en: {
    eligible: 'You may qualify',
    'cannot-tell': 'We cannot tell yet',
    'not-eligible': 'You probably do not',
  },
  fr: {
    eligible: 'Vous pourriez être admissible',
    'cannot-tell': 'Nous ne pouvons pas encore le dire',
    'not-eligible': 'Vous n’êtes probablement pas admissible',
  },
};

export function textOf(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/&nbsp;|\u00a0|\u202f/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function programmeOf(href: string, lang: Lang): string {
  const slug = href.split('/').pop();
  const entry = CATALOGUE.find((p) => (lang === 'en' ? p.slug_en : p.slug_fr) === slug);
  return entry?.rules_programme_id ?? `unknown:${href}`;
}

/** The result cards of a results page, each with its group. */
export function cardsOf(body: string, lang: Lang): FoundCard[] {
  return body
    .split('<section>')
    .slice(1)
    .flatMap((section) => {
      const heading = textOf(/<h2>(.*?)<\/h2>/s.exec(section)?.[1] ?? '');
      const group = (Object.keys(GROUP_HEADINGS[lang]) as Group[]).find((g) =>
        heading.startsWith(GROUP_HEADINGS[lang][g]),
      );
      if (!group) return [];
      return section
        .split('<li class="result-card">')
        .slice(1)
        .map((card) => ({
          group,
          programme: programmeOf(/<h3><a href="([^"]+)"/.exec(card)?.[1] ?? '', lang),
          forWhom: textOf(/<span class="meta">\((.*?)\)<\/span>/.exec(card)?.[1] ?? ''),
          text: textOf(card),
        }));
    });
}

/** Answers the finder's questions as a person would, in the order it asks them, and returns the results page. */
export async function runFinder(
  guichet: GuichetApp,
  lang: Lang,
  answers: ScenarioAnswers,
): Promise<{ body: string; asked: QuestionId[] }> {
  const jar = new CookieJar();
  const asked: QuestionId[] = [];
  const visit = async (url: string) => {
    const response = await guichet.app.inject({ method: 'GET', url, headers: { cookie: jar.header() } });
    jar.store(response);
    return response;
  };
  let url = `${FINDER[lang]}/${QUESTIONS[0]?.slug[lang] ?? ''}`;
  while (url !== RESULTS[lang]) {
    const slug = url.slice(FINDER[lang].length + 1);
    const question = QUESTIONS.find((q) => q.slug[lang] === slug);
    assert.ok(question, `not a question: ${url}`);
    const fields = answers[question.id];
    assert.ok(fields, `the finder asked "${question.id}", which this household should not be asked`);
    asked.push(question.id);
    const page = await visit(url);
    assert.equal(page.statusCode, 200, url);
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    const response = await guichet.app.inject({
      method: 'POST',
      url,
      headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ ...fields, _csrf: token }).toString(),
    });
    jar.store(response);
    assert.equal(response.statusCode, 303, `${url}: ${response.body.slice(0, 200)}`);
    url = String(response.headers.location);
  }
  const results = await visit(url);
  assert.equal(results.statusCode, 200);
  return { body: results.body, asked };
}
