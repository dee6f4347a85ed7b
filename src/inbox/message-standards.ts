import { readFileSync } from 'node:fs';

interface MessageStandards {
  readonly defaultBusinessDays: number;
  readonly programmes: Readonly<Record<string, number>>;
}

let loaded: MessageStandards | null = null;

/** The service standard for a programme's secure messages: answered within this many business days (data). */
export function answerWithinBusinessDays(programmeId: string): number {
  loaded ??= JSON.parse(
    readFileSync(new URL('./data/message-standards.json', import.meta.url), 'utf8'),
  ) as MessageStandards;
  const days = loaded.programmes[programmeId] ?? loaded.defaultBusinessDays;
  if (!Number.isInteger(days) || days < 1)
    throw new Error(`${programmeId}: a service standard is whole business days`);
  return days;
}
