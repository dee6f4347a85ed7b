/**
 * The bank stand-in, for the root and the command line: it reads Guichet's payment files as a bank's file
 * gateway would, refuses a bad one with its line, and answers with returns (README.md beside this file).
 */
export { BankStandIn } from './bank.ts';
export type { BankReceipt, AcceptedFile, RefusedFile, FileFormat } from './bank.ts';
export { DEMO_BANK_CONFIG } from './bank-config.ts';
export type { BankConfig, ReturnRule } from './bank-config.ts';
export { createBankServer } from './bank-server.ts';
export type { BankServerOptions } from './bank-server.ts';
