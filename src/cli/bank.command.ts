import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { BankStandIn, createBankServer, DEMO_BANK_CONFIG } from '../stand-ins/bank/index.ts';
import type { Command } from './command.ts';
import { UsageError } from './usage-error.ts';

/**
 * `guichet stand-ins bank [--port 4300] [--host 127.0.0.1]`: the demonstration bank's file gateway over HTTP, for
 * trying a payment file and its returns by hand (POST /files/cpa005 or /files/pain.001, then GET
 * /returns/{fileId}/{cpa005|pain002|camt054}). Accounts ending 000 come back closed, 999 deceased, 404 unknown.
 */
export const bankStandInCommand: Command = {
  summary: 'Run the demonstration bank: reads CPA 005 / pain.001 files, answers with returns [--port N]',
  async run(args) {
    const { values } = parseArgs({
      args,
      options: { port: { type: 'string', default: '4300' }, host: { type: 'string', default: '127.0.0.1' } },
    });
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65_535)
      throw new UsageError('--port takes a port number');
    const server = createBankServer(new BankStandIn(DEMO_BANK_CONFIG));
    server.listen(port, values.host);
    await once(server, 'listening');
    console.log(`Demonstration bank listening at http://${values.host}:${port} (Ctrl+C to stop)`);
    await Promise.race([once(process, 'SIGINT'), once(process, 'SIGTERM')]);
    server.close();
    return 0;
  },
};
