import type { Programme } from '../core/types.ts';
import { ccbProgramme } from './ccb/ccb.programme.ts';
import { cdbProgramme } from './ccb/cdb.programme.ts';
import { oasProgramme } from './oas/oas.programme.ts';
import { gisProgramme } from './oas/gis.programme.ts';
import { allowanceProgramme } from './oas/allowance.programme.ts';
import { survivorAllowanceProgramme } from './oas/survivor-allowance.programme.ts';
import { gstCreditProgramme } from './gst-credit/gst-credit.programme.ts';
import { cwbProgramme } from './cwb/cwb.programme.ts';
// rules-B: CPP retirement, EI regular benefits, provincial social assistance.
import { cppRetirementProgramme } from './cpp/cpp.programme.ts';
import { qppRetirementProgramme } from './qpp/qpp.programme.ts';
import { bcFamilyBenefitProgramme } from './bc-family-benefit/bc-family-benefit.programme.ts';
import { eiRegularProgramme } from './ei/ei.programme.ts';
import {
  ontarioWorksProgramme,
  odspProgramme,
  bcIncomeAssistanceProgramme,
  albertaIncomeSupportProgramme,
} from './social-assistance/index.ts';

/** Every programme the engine knows, in display order. */
export const programmes: readonly Programme[] = [
  ccbProgramme,
  cdbProgramme,
  oasProgramme,
  gisProgramme,
  allowanceProgramme,
  survivorAllowanceProgramme,
  gstCreditProgramme,
  cwbProgramme,
  // rules-B:
  cppRetirementProgramme,
  qppRetirementProgramme,
  eiRegularProgramme,
  ontarioWorksProgramme,
  odspProgramme,
  bcIncomeAssistanceProgramme,
  albertaIncomeSupportProgramme,
  bcFamilyBenefitProgramme,
];
