import type { Lang, Translator } from '../../platform/i18n/i18n.ts';
import type { Bilingual, QuestionDefinition } from '../application-forms.ts';
import type { AskedQuestion } from '../form-flow.ts';
import { readEmployerRecordsFact } from '../applicant-record.ts';

export const inLang = (text: Bilingual, lang: Lang): string => text[lang];

/** The question's words, "child 2" filled in for a repeated one. */
export function questionLabel(question: AskedQuestion, lang: Lang): string {
  return question.definition.label[lang].replace('{n}', String(question.item ?? ''));
}

/** An answer as the person reads it back: the choice's words, a date or an amount in the page's language. */
export function displayAnswer(
  t: Translator,
  definition: QuestionDefinition,
  value: string | undefined,
): string {
  if (value === undefined) return t.t('applications.notAnswered');
  switch (definition.type) {
    case 'choice':
      return definition.choices?.find((choice) => choice.value === value)?.label[t.lang] ?? value;
    case 'yes-no':
      return t.t(value === 'yes' ? 'applications.yes' : 'applications.no');
    case 'date':
      return t.date(value);
    case 'money':
      return t.money(Number(value));
    case 'employer-records': {
      const { records, hours, cents } = readEmployerRecordsFact(value);
      return t.t('applications.employerRecords', {
        count: String(records),
        hours: t.number(hours),
        earnings: t.money(cents),
      });
    }
    case 'integer':
      return value;
  }
}
