import { seniorsProgramme } from './seniors.programme.ts';
import { readGis } from './gis.read.ts';

/** Guaranteed Income Supplement (OAS Act Part II), one result per person aged 60 or more. */
export const gisProgramme = seniorsProgramme('gis', readGis, [
  {
    title: 'Old Age Security Act, ss. 10–16 (Part II, supplement)',
    href: 'https://laws-lois.justice.gc.ca/eng/acts/O-9/',
  },
  {
    title: 'ESDC, Guaranteed Income Supplement: how much you could receive',
    href: 'https://www.canada.ca/en/services/benefits/publicpensions/old-age-security/guaranteed-income-supplement/benefit-amount.html',
  },
]);
