import type { Page } from 'playwright-core';
import { axeViolations } from './browser.ts';

export const PHONE = { width: 390, height: 844 };

/** The pages a person reaches in one click from here: links inside the page's main content, on this site. */
export async function linksIn(page: Page, baseUrl: string): Promise<string[]> {
  const hrefs = await page.$$eval('main a[href]', (as) => as.map((a) => a.getAttribute('href') ?? ''));
  return hrefs
    .filter((href) => href.startsWith('/') && !/\.(pdf|json|csv|txt|xml)$/.test(href))
    .map((h) => baseUrl + h);
}

/** The page open now is axe-clean on a 390 px phone and never scrolls sideways (WCAG 1.4.10 reflow). */
export async function phoneProblems(page: Page, where = page.url()): Promise<string[]> {
  const problems: string[] = [];
  // A click that navigates may return before the next document exists: measure the page once it has loaded.
  await page.waitForLoadState();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  if (width > PHONE.width) problems.push(`${where}: ${width}px wide`);
  for (const violation of await axeViolations(page)) problems.push(`${where}: ${JSON.stringify(violation)}`);
  return problems;
}

/**
 * Opens a page and checks it as `phoneProblems` does; a page that fails to load is a problem too. A link to a
 * file (a bank file, a download without an extension) is not a page: nothing to check on a phone.
 */
export async function checkPhone(page: Page, url: string): Promise<string[]> {
  const response = await page.goto(url);
  if ((response?.status() ?? 500) >= 400) return [`${url}: ${response?.status()}`];
  if (!/text\/html/.test((await response?.headerValue('content-type')) ?? 'text/html')) return [];
  return phoneProblems(page, url);
}
