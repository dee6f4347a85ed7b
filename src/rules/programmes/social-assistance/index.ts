export { ontarioWorksProgramme } from './ontario-works.programme.ts';
export { bcIncomeAssistanceProgramme } from './bc-income-assistance.programme.ts';
export { albertaIncomeSupportProgramme } from './alberta-income-support.programme.ts';
export { odspProgramme } from './odsp.programme.ts';
