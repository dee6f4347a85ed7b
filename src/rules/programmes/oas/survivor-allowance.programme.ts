import { seniorsProgramme } from './seniors.programme.ts';
import { readSurvivorAllowance } from './allowances.read.ts';

/** Allowance for the Survivor (OAS Act Part III, s. 21), one result per person aged 60 or more. */
export const survivorAllowanceProgramme = seniorsProgramme('afs', readSurvivorAllowance, [
  {
    title: 'Old Age Security Act, ss. 21, 22, 22.1 (Part III)',
    href: 'https://laws-lois.justice.gc.ca/eng/acts/O-9/',
  },
  {
    title: 'ESDC, Allowance for the Survivor: how much you could receive',
    href: 'https://www.canada.ca/en/services/benefits/publicpensions/old-age-security/guaranteed-income-supplement/allowance-survivor/benefit-amount.html',
  },
]);
