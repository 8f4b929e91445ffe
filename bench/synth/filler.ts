/**
 * Clinical text with no PHI in it, dense with hard negatives: things that look like identifiers
 * to a careless regex but are not PHI (doses, lab values, blood pressures, fractions, ICD-10 and
 * CPT codes, ages under 90, eponyms, drug names, room and bed numbers, versions, times alone,
 * page numbers, years in durations). Nothing written here is gold.
 */
import type { Gen } from './gen.js';

export const DRUGS = ['metoprolol', 'lisinopril', 'metformin', 'furosemide', 'Lasix', 'heparin', 'vancomycin', 'Coumadin', 'warfarin', 'atorvastatin', 'insulin glargine', 'Zosyn', 'ceftriaxone', 'pantoprazole', 'acetaminophen', 'Tylenol', 'oxycodone', 'Dilaudid', 'amiodarone', 'prednisone', 'albuterol', 'Keppra', 'levothyroxine', 'Eliquis', 'apixaban', 'gabapentin', 'sertraline', 'Zofran', 'morphine', 'propofol', 'norepinephrine', 'Levophed', 'digoxin', 'potassium chloride', 'magnesium sulfate', 'aspirin', 'clopidogrel', 'Plavix', 'enoxaparin', 'Lovenox'];

const EPONYMS = ['Foley catheter', 'Parkinson disease', "Parkinson's disease", 'Hodgkin lymphoma', "Crohn's disease", 'Babinski sign', 'Glasgow Coma Scale', 'Apgar score', 'Swan-Ganz catheter', 'Whipple procedure', "Bell's palsy", "Alzheimer's dementia", 'Cushing syndrome', 'Graves disease', "Murphy's sign", 'Hickman line', 'Jackson-Pratt drain', 'Trendelenburg position', 'Homans sign', 'Kussmaul respirations', 'Cheyne-Stokes breathing', 'Addison disease', 'Wernicke encephalopathy', 'Guillain-Barre syndrome', "Hashimoto's thyroiditis", 'Kaposi sarcoma', 'Barrett esophagus', 'Epley maneuver', 'Heimlich maneuver', 'Mallory-Weiss tear', "Sjogren's syndrome", 'Tinel sign', 'Ranson criteria', 'Wells score', 'Braden score', 'Morse fall scale'];

const ICD10 = ['E11.9', 'I10', 'J44.1', 'N18.3', 'I50.9', 'J18.9', 'E78.5', 'F32.9', 'K21.9', 'M54.5', 'N17.9', 'I48.91', 'Z79.01', 'R07.9', 'A41.9', 'G40.909', 'E87.1', 'I25.10', 'Z95.1', 'C34.90'];
const CPT = ['99213', '99214', '99223', '93000', '71046', '80053', '85025', '36415', '99285', '93306', '74177', '97110', '90471', '82947', '84443'];

function num(g: Gen, min: number, max: number, dp = 0): string {
  return (min + (max - min) * g.f.number.float({ min: 0, max: 1 })).toFixed(dp);
}

/** A drug with dose and frequency (a hard negative: numbers and units, never PHI). */
export function dose(g: Gen): string {
  return `${g.pick(DRUGS)} ${g.pick(['500 mg', '25 mg', '0.5 mg/kg', '40 mg', '1 g', '10 units', '2.5 mg', '81 mg', '4 mg IV', '100 mcg', '20 mEq', '5,000 units'])} ${g.pick(['PO BID', 'daily', 'q6h', 'IV q8h', 'PRN', 'TID', 'qHS', 'SC q12h', 'x1'])}`;
}

/** One hard-negative fragment. */
export function negative(g: Gen): string {
  const k = g.int(0, 27);
  switch (k) {
    case 0:
      return `${g.pick(DRUGS)} ${g.pick(['500 mg', '25 mg', '0.5 mg/kg', '40 mg', '1 g', '10 units', '2.5 mg', '81 mg', '4 mg IV', '100 mcg', '20 mEq', '5,000 units'])} ${g.pick(['PO BID', 'daily', 'q6h', 'IV q8h', 'PRN', 'TID', 'qHS', 'SC q12h', 'x1'])}`;
    case 1:
      return `BP ${g.int(88, 180)}/${g.int(48, 110)}, HR ${g.int(50, 130)}, RR ${g.int(10, 30)}, SpO2 ${g.int(85, 100)}% on ${g.pick(['RA', '2L NC', '40% FM', 'room air', '4 L'])}`;
    case 2:
      return `Na ${g.int(128, 148)}, K ${num(g, 2.8, 5.8, 1)}, Cl ${g.int(92, 112)}, HCO3 ${g.int(16, 32)}, BUN ${g.int(6, 80)}, Cr ${num(g, 0.5, 4.5, 1)}, glucose ${g.int(60, 320)}`;
    case 3:
      return `WBC ${num(g, 2, 24, 1)}, Hgb ${num(g, 6.5, 16, 1)}, Hct ${num(g, 20, 48, 1)}, Plt ${g.int(40, 450)}`;
    case 4:
      return `INR ${num(g, 0.9, 4.5, 1)}, PTT ${num(g, 22, 90, 1)}, HbA1c ${num(g, 5, 12, 1)}%`;
    case 5:
      return `${g.pick(['pain', 'Pain score', 'pain level'])} ${g.int(0, 10)}/10`;
    case 6:
      return `${g.pick(['strength', 'motor strength', 'grip'])} ${g.int(3, 5)}/5 ${g.pick(['bilaterally', 'in all extremities', 'RUE', 'on the left'])}`;
    case 7:
      return `${g.pick(['1/2', '3/4', '1/4', '2/3'])} tab ${g.pick(['PO', 'daily', 'at bedtime'])}`;
    case 8:
      return `${g.pick(['Dx', 'ICD-10', 'diagnosis code', 'Code'])} ${g.pick(ICD10)}`;
    case 9:
      return `${g.pick(['CPT', 'procedure code', 'CPT code', 'billed'])} ${g.pick(CPT)}`;
    case 10:
      return `${g.int(18, 89)} ${g.pick(['year old', 'y/o', 'yo', 'years old'])} ${g.pick(['female', 'male', 'woman', 'man', 'F', 'M'])}`;
    case 11:
      return `${g.pick(EPONYMS)}`;
    case 12:
      return `${g.pick(['Room', 'Rm', 'room', 'RM'])} ${g.int(100, 899)}${g.pick(['', 'A', 'B', '-2'])}, ${g.pick(['Bed', 'bed'])} ${g.int(1, 4)}`;
    case 13:
      return `${g.pick(['interface version', 'software v', 'pump firmware', 'Epic version', 'monitor software'])} ${g.int(1, 12)}.${g.int(0, 9)}.${g.int(0, 20)}`;
    case 14:
      return `${g.pick(['at', 'around', 'since', 'until', 'by'])} ${g.pick([`${g.int(0, 23).toString().padStart(2, '0')}${g.pick(['00', '15', '30', '45'])}`, `${g.int(1, 12)}:${g.pick(['00', '15', '30', '45'])} ${g.pick(['AM', 'PM', 'am', 'pm'])}`, `${g.int(10, 23)}:${g.pick(['05', '20', '40'])}`])}`;
    case 15:
      return `Page ${g.int(1, 3)} of ${g.int(3, 6)}`;
    case 16:
      return `${g.int(2, 30)} ${g.pick(['year history of', 'yr hx of', 'years of', '-year history of'])} ${g.pick(['smoking', 'HTN', 'DM2', 'COPD', 'alcohol use', 'back pain'])}`;
    case 17:
      return `${g.int(5, 60)} pack-year smoking history`;
    case 18:
      return `EF ${g.int(15, 70)}%, ${g.pick(['LVEF', 'TAPSE'])} ${num(g, 1, 3, 1)} cm`;
    case 19:
      return `lesion ${num(g, 0.3, 6, 1)} x ${num(g, 0.3, 6, 1)} cm`;
    case 20:
      return `weight ${num(g, 40, 140, 1)} kg, height ${g.int(145, 200)} cm, BMI ${num(g, 17, 45, 1)}`;
    case 21:
      return `Temp ${num(g, 96, 103, 1)} F`;
    case 22:
      return `${g.pick(['NS', 'LR', 'D5W'])} at ${g.int(50, 250)} mL/hr, I/O ${g.int(400, 3000)}/${g.int(200, 2500)}`;
    case 23:
      return `GCS ${g.int(3, 15)}, RASS ${g.pick(['-2', '-1', '0', '+1'])}, CIWA ${g.int(0, 20)}`;
    case 24:
      return `${g.pick(['ABG', 'VBG'])} ${num(g, 7.1, 7.55, 2)}/${g.int(25, 80)}/${g.int(50, 400)}`;
    case 25:
      return `${g.pick(['PEEP', 'PS'])} ${g.int(5, 15)}, FiO2 ${g.pick(['40%', '0.5', '60%', '30%'])}, TV ${g.int(350, 600)}`;
    case 26:
      return `NDC ${g.digits(5)}-${g.digits(3)}-${g.digits(2)}`;
    default:
      return `x${g.int(2, 10)} days, ${g.int(1, 4)} times a ${g.pick(['day', 'week'])}`;
  }
}

const PROSE: readonly ((g: Gen) => string)[] = [
  (g) => `Patient was started on ${negative(g)}.`,
  (g) => `Vital signs: ${negative(g)}.`,
  (g) => `Labs notable for ${negative(g)}.`,
  (g) => `History is significant for ${negative(g)} and ${g.pick(['hypertension', 'CAD', 'CKD stage 3', 'atrial fibrillation', 'obesity'])}.`,
  (g) => `Assessed with the ${g.pick(EPONYMS)}; ${negative(g)}.`,
  (g) => `Will continue ${g.pick(DRUGS)} and monitor ${g.pick(['electrolytes', 'urine output', 'mental status', 'glucose', 'rhythm'])}.`,
  (g) => `Reports ${negative(g)}.`,
  (g) => `Plan discussed with the team; ${negative(g)}.`,
  (g) => `Transferred to ${negative(g)} for monitoring.`,
  (g) => `No acute distress. Lungs clear bilaterally, ${negative(g)}.`,
  (g) => `Family meeting held ${negative(g)}; goals of care reviewed.`,
];

const TERSE: readonly ((g: Gen) => string)[] = [
  (g) => `${negative(g)};`,
  (g) => `${g.pick(['A:', 'P:', 'O:', 'S:', 'Neuro:', 'CV:', 'Resp:', 'GI:', 'GU:', 'ID:', 'Skin:'])} ${negative(g)}.`,
  (g) => `cont ${g.pick(DRUGS)}, ${negative(g)}.`,
  (g) => `${g.pick(['hx', 'pmh', 'h/o'])} ${negative(g)}; ${negative(g)}.`,
  (g) => `${g.pick(['lytes', 'labs', 'vs'])}: ${negative(g)}.`,
  (g) => `${g.pick(EPONYMS)} ${g.pick(['in place', 'noted', 'neg', 'pos', 'd/c\'d'])}.`,
];

/** One to `max` sentences of PHI-free clinical text in the document's register. */
export function filler(g: Gen, max = 3): string {
  const n = g.int(1, max);
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(g.pick(g.terse ? TERSE : PROSE)(g));
  return out.join(' ');
}
