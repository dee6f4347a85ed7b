#!/usr/bin/env node
// The `guichet` command. TypeScript sources run through tsx, so there is no build step (ADR 0001).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
