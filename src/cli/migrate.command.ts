import { openDatabase } from '../platform/db/database.ts';
import { migrateToLatest } from '../platform/db/migrate.ts';
import type { Command } from './command.ts';

export const migrateCommand: Command = {
  summary: 'Apply pending database migrations',
  async run(_args, loadConfig) {
    const database = await openDatabase(loadConfig());
    try {
      const applied = await migrateToLatest(database.db);
      console.log(applied.length === 0 ? 'Database is up to date.' : `Applied: ${applied.join(', ')}`);
      return 0;
    } finally {
      await database.close();
    }
  },
};
