/** Applications: forms as data per programme, drafts, evidence, every channel, one case per submission. */
export type {
  ApplicationChannel,
  ApplicationStatus,
  ApplicationStatusPort,
  ApplicationSubmittedHandler,
  SubmittedApplication,
} from './submitted-application.ts';
