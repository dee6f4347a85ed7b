import type { Command } from './command.ts';

interface CommandEntry {
  readonly summary: string;
  /** Loaded on use, so `guichet evaluate` does not start what `guichet serve` needs. */
  load(): Promise<Command>;
}

/** Every `guichet` sub-command. Domains add theirs here. */
export const commands: Record<string, CommandEntry> = {
  serve: {
    summary: 'Start the web service (migrates and seeds on first start)',
    load: async () => (await import('./serve.command.ts')).serveCommand,
  },
  'stand-ins bank': {
    summary: 'Run the demonstration bank: reads CPA 005 / pain.001 files, answers with returns [--port N]',
    load: async () => (await import('./bank.command.ts')).bankStandInCommand,
  },
  migrate: {
    summary: 'Apply pending database migrations',
    load: async () => (await import('./migrate.command.ts')).migrateCommand,
  },
  seed: {
    summary: 'Load reference data [--reference DIR] and a demo population [--people N] [--seed S]',
    load: async () => (await import('./seed.command.ts')).seedCommand,
  },
  'audit verify': {
    summary: 'Check the audit log against its signed tree heads [--json]; exit 1 naming what is wrong',
    load: async () => (await import('./audit.command.ts')).auditVerifyCommand,
  },
  'audit seal': {
    summary: 'Seal committed audit entries into the tree and sign a tree head [--json]',
    load: async () => (await import('./audit.command.ts')).auditSealCommand,
  },
  'keys rotate': {
    summary:
      'Re-encrypt every Protected B field under the newest key, in resumable batches [--batch N] [--json]',
    load: async () => (await import('./keys.command.ts')).keysRotateCommand,
  },
  'privacy dispose': {
    summary: 'Dispose of client records past their retention period [--dry-run] [--json]',
    load: async () => (await import('./privacy.command.ts')).privacyDisposeCommand,
  },
  'help purge': {
    summary: 'Delete call-back and appointment requests closed over 90 days ago [--dry-run] [--json]',
    load: async () => (await import('./help-purge.command.ts')).helpPurgeCommand,
  },
  'identity purge': {
    summary:
      'Delete expired sign-in state: requests, counters, access codes, old sessions [--dry-run] [--json]',
    load: async () => (await import('./identity-purge.command.ts')).identityPurgeCommand,
  },
  'exchange seed': {
    summary: 'Load information-sharing agreements and demo enrolments',
    load: async () => (await import('./exchange.command.ts')).exchangeSeedCommand,
  },
  'rules diff': {
    summary:
      'What changed in the rules between two dates, with sources, and its impact on the register [--no-impact] [--json]',
    load: async () => (await import('./rules-diff.command.ts')).rulesDiffCommand,
  },
  'inbox print': {
    summary: "Write the day's print file for the mail house [--date YYYY-MM-DD] [--out DIR] [--json]",
    load: async () => (await import('./inbox.command.ts')).inboxPrintCommand,
  },
  'inbox mailed': {
    summary: 'Record that the mail house mailed a print file: <YYYY-MM-DD-NNN>',
    load: async () => (await import('./inbox.command.ts')).inboxMailedCommand,
  },
  'inbox notices': {
    summary: 'Send the notices due from the queue, once [--json]',
    load: async () => (await import('./inbox.command.ts')).inboxNoticesCommand,
  },
  'applications purge-drafts': {
    summary: 'Remind drafts expiring within a week, then delete expired drafts [--json]',
    load: async () => (await import('./applications.command.ts')).applicationsPurgeDraftsCommand,
  },
  'inbox reminders': {
    summary:
      'Send the reminders due (information awaited, reconsideration deadlines, bank returns), once [--json]',
    load: async () => (await import('./inbox.command.ts')).inboxRemindersCommand,
  },
  'decisions replay': {
    summary:
      'Replay decisions on the current rules: <id> or --since YYYY-MM-DD [--json]; exit 1 on a difference',
    load: async () => (await import('./decisions.command.ts')).decisionsReplayCommand,
  },
  'decisions redetermine': {
    summary: 'The July redetermination of the income-tested benefits: --year YYYY [--resume] [--json]',
    load: async () => (await import('./redetermine.command.ts')).decisionsRedetermineCommand,
  },
  'payments run': {
    summary:
      'Prepare a payment run [--programme ID --period YYYY-MM] or finish stopped ones [--resume] [--json]',
    load: async () => (await import('./payments.command.ts')).paymentsRunCommand,
  },
  evaluate: {
    summary:
      'Evaluate a household: JSON on stdin (--batch: JSON Lines) [--date YYYY-MM-DD] [--programme ID…]',
    load: async () => (await import('./evaluate.command.ts')).evaluateCommand,
  },
};
