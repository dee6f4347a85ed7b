import { html } from '../../platform/views/html.ts';
import type { Translator } from '../../platform/i18n/i18n.ts';
import type { Page } from '../../platform/views/layout.ts';

const TASKS = ['finder', 'catalogue', 'signIn', 'help'] as const;
const TASK_LINKS: Record<(typeof TASKS)[number], { en: string; fr: string }> = {
  finder: { en: '/en/benefits-finder', fr: '/fr/trouver-des-prestations' },
  catalogue: { en: '/en/programmes', fr: '/fr/programmes' },
  signIn: { en: '/en/sign-in', fr: '/fr/connexion' },
  help: { en: '/en/help', fr: '/fr/aide' },
};

export function homePage(t: Translator): Page {
  return {
    title: t.t('site.homeTitle'),
    body: html`<h1>${t.t('site.homeTitle')}</h1>
<p class="lead">${t.t('site.homeLead')}</p>
<h2>${t.t('site.whatYouCanDo')}</h2>
<ul class="task-cards">
${TASKS.map((task) => html`<li><h3><a href="${TASK_LINKS[task][t.lang]}">${t.t(`site.task.${task}.title`)}</a></h3><p>${t.t(`site.task.${task}.body`)}</p></li>`)}
</ul>
<h2>${t.t('site.otherWaysTitle')}</h2>
<p>${t.t('site.otherWaysBody')}</p>`,
  };
}
