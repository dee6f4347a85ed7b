import { seniorsProgramme } from './seniors.programme.ts';
import { readAllowance } from './allowances.read.ts';

/** The Allowance (OAS Act Part III, s. 19), one result per person aged 60 or more. */
export const allowanceProgramme = seniorsProgramme('allowance', readAllowance, [
  {
    title: 'Old Age Security Act, ss. 19, 22, 22.1 (Part III)',
    href: 'https://laws-lois.justice.gc.ca/eng/acts/O-9/',
  },
  {
    title: 'ESDC, The Allowance: how much you could receive',
    href: 'https://www.canada.ca/en/services/benefits/publicpensions/old-age-security/guaranteed-income-supplement/allowance/benefit-amount.html',
  },
]);
