/**
 * A diagnosis as a link carries it when the raw output is left out: the judge's verdicts,
 * language-neutral; the receiver renders them in their language (carry.test.ts proves
 * `restoreDiagnosis(carryDiagnosis(x))` equals `diagnose(x)`).
 */
export {
  judge as carryDiagnosis,
  type Verdict as CarriedResult,
  type Verdicts as CarriedDiagnosis,
} from '../diagnosis/judge';
export { render as restoreDiagnosis } from '../diagnosis/render';
