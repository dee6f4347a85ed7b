/**
 * What counts as English on a French page (issue #14): words that are English and never French, and the codes
 * Guichet uses internally. Shared by the public pages' test and the signed-in pages' test.
 */
export const ENGLISH =
  /\b(the|and|your|you|with|from|this|that|will|have|what|when|how|who|please|enter|choose|apply|benefits?|payments?|submit|should|would|could|month|year|week|sign in)\b/i;
export const CODES =
  /\b(single|married|common-law|separated|divorced|widowed|citizen|permanent-resident|temporary-resident|protected-person|non-resident|step-free|large-print|self-service|undefined|null|NaN|direct-deposit|marital-status|life-status|residence-status|phone-call|in-person|assigned-case|help-request|payments-officer|tribunal-member|policy-analyst|adjudicator|withheld|pending|callback|appointment|(registry|exchange|privacy|help|inbox|staff|decisions|payments)\.[a-z-]+\.[a-z-]+)\b/;
// Proper names that are the same in both languages.
const ALLOWED = /\b(English|Canada\.ca|Guichet|Service Canada|Alberta Supports|Retraite Québec)\b/g;

/** What a reader sees: no tags, scripts, attributes, nor anything marked up as English (lang="en"). */
export function visibleText(body: string): string {
  return body
    .replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ')
    .replace(/<(\w+)[^>]*\slang="en"[^>]*>[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(ALLOWED, ' ');
}

/** The first English word or code a French page shows, with some context, or null. */
export function findLeak(url: string, body: string): string | null {
  const text = visibleText(body);
  const leak = ENGLISH.exec(text) ?? CODES.exec(text);
  return leak ? `${url}: “${text.slice(Math.max(0, leak.index - 40), leak.index + 40).trim()}”` : null;
}
