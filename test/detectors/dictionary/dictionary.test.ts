import { beforeAll, describe, expect, it } from 'vitest';
import { createDictionaryDetector, DICTIONARY_DEFAULTS } from '../../../src/detectors/dictionary/index.js';
import { ConfigError } from '../../../src/errors.js';
import type { DetectContext, Detector, EntityType } from '../../../src/types.js';

const ctx: DetectContext = { types: new Set<EntityType>(['NAME', 'LOCATION', 'ORGANIZATION']) };
let det: Detector;

beforeAll(async () => {
  det = createDictionaryDetector();
  await det.load?.();
});

/** The detected substrings, in order. */
async function found(text: string): Promise<string[]> {
  const es = await det.detect(text, ctx);
  return es.map((e) => text.slice(e.start, e.end));
}

// [text, substrings that must be covered by some entity]
const POSITIVES: [string, string[]][] = [
  ['pt examined by dr marchetti this am', ['marchetti']],
  ['PT EXAMINED BY DR MARCHETTI THIS AM', ['MARCHETTI']],
  ['Pt examined by Dr. Marchetti this am', ['Marchetti']],
  ['WIFE GLORIA PHONED, WANTS NEWS', ['GLORIA']],
  ['wife Gloria phoned, wants news', ['Gloria']],
  ['social: dtr lorraine visited twice', ['lorraine']],
  ['son mark stopped by at noon', ['mark']],
  ['his wife, Lorna Whitcombe, agrees with plan', ['Lorna', 'Whitcombe']],
  ['Discussed goals with Dr. Foley at bedside', ['Foley']],
  ['Drs Okafor and Lindqvist by to examine pt', ['Okafor', 'Lindqvist']],
  ['Ingrid Castellanos, RN', ['Ingrid', 'Castellanos']],
  ['DESMOND K. ABARA, RRT', ['DESMOND', 'K', 'ABARA']],
  ['TO PEMBERTON HOSPITAL ED- THEN ON TO THEIR CCU', ['PEMBERTON']],
  ['sent over from Sacred Heart Hospital for a cath', ['Sacred', 'Heart']],
  ['brought to sibley hosp. after a fall', ['sibley']],
  ['PT ADMITTED TO LAKESIDE MEMORIAL HOSPITAL', ['LAKESIDE', 'MEMORIAL']],
  ['pt widowed, lives in hackensack with son', ['hackensack']],
  ['SON FROM PAWTUCKET CALLED', ['PAWTUCKET']],
  ['plan: move to Ellsworth 2 tomorrow', ['Ellsworth']],
  ['REFERRED TO MGH FOR CATH', ['MGH']],
  ['Mr. Trevisani was admitted with SOB', ['Trevisani']],
  ['Follow-up at Goyettemouth Dialysis Center next week', ['Goyettemouth Dialysis Center']],
  ['valve repair at St. Britney\'s Medical Center, 2010', ['Britney', 'Medical Center']],
  ['R. MASON INFORMED, WILL SEE PT LATER', ['R', 'MASON']],
  ['Patient: Hunter, Antonia A', ['Hunter', 'Antonia', 'A']],
  ['Resides in Denver, CO 80202 with partner', ['Denver, CO']],
  ['HUSBAND GENE PHONED FROM SCHENECTADY AT NOON', ['GENE', 'SCHENECTADY']],
  ['Transferred from Willow Grove Methodist Hospital to Ellison 4', ['Willow Grove Methodist', 'Ellison']],
  ['Case manager Jolene Whitfield met with daughter Marisol', ['Jolene Whitfield', 'Marisol']],
  ['seen by Dr. J. Okonkwo on rounds', ['J', 'Okonkwo']],
  ['login user=korbin.jakubowski at noon', ['korbin.jakubowski']],
  // Surnames that are also clinical terms, after a first name in mixed case.
  ['Emergency contact: Jane Doe (sister)', ['Jane Doe']],
  ['Spoke with wife Mary Foley at bedside', ['Mary Foley']],
  // Street names without a house number.
  ['found down on Main St by police', ['Main St']],
  ['LIVES OFF RTE 128 IN WALTHAM', ['RTE 128']],
  ['pharmacy is the CVS on N 5th Street in Austin', ['N 5th Street']],
  ['apartment on Beacon St. near the park', ['Beacon St']],
  ['lives on elm street w/ wife', ['elm street']],
  ['seen at Dana-Farber Cancer Institute and Joslin Diabetes Center', ['Dana-Farber', 'Joslin']],
  ['4 yo, attends Little Sprouts Daycare; sister at Hillside Elementary', ['Little Sprouts', 'Hillside']],
  // "Last, First" after a field label, the surname a clinical term too ("DOE": dyspnea on exertion).
  ['Patient: DOE, JOHN Q  MRN: 4455667', ['DOE', 'JOHN', 'Q']],
  // Accented spellings of listed names and places; "ibanez" is listed, "ibáñez" is not (a bare
  // lexicon hit in a lower-case or ALL CAPS note has no other evidence).
  ['son Seán visited; Dr. Núñez aware', ['Seán', 'Núñez']],
  ['lives in Montréal with daughter', ['Montréal']],
  ['plan discussed with ibáñez today', ['ibáñez']],
  ['Ich bin mit Dr. Müller und Frau Weber für die Visite', ['Müller']],
  ['pt from Los Angeles, son in Des Moines; wife Anna at bedside', ['Los Angeles', 'Anna']],
  ['PLAN DISCUSSED WITH IBÁÑEZ TODAY', ['IBÁÑEZ']],
  // Residence with company before the place; listed places that are also words after "lives in".
  ['SOCIAL: LIVES WITH WIFE IN REVERE. RETIRED.', ['REVERE']],
  ['Lives alone in Malden with two cats', ['Malden']],
];

// [text, words that must not be covered]
const NEGATIVES: [string, string[]][] = [
  ['Foley patent, amber urine', ['Foley']],
  ['FOLEY TO BEDSIDE BAG', ['FOLEY']],
  ["h/o Parkinson's disease, on Sinemet", ['Parkinson', 'Sinemet']],
  ['Lasix 20 mg IV pushed, brisk response', ['Lasix']],
  ['INR 2.6, TAKES COUMADIN DAILY', ['COUMADIN']],
  ['haldol 5 mg im x1 for delirium', ['haldol']],
  ['Levophed weaned to keep MAP > 65', ['Levophed']],
  ['Swan-Ganz catheter floated via L SC', ['Swan', 'Ganz']],
  ['Will recheck lytes at midnight', ['Will']],
  ['Hope to wean sedation tomorrow', ['Hope']],
  ['May require another bolus', ['May']],
  ['pt asking to go home soon', ['go', 'home']],
  ['moved out to a hospital floor bed', ['hospital', 'floor']],
  ['HR 92 ST, SBP 104; family aware, agreeable', ['family', 'aware']],
  ['PA catheter readings: PA numbers 40/20', ['numbers', 'catheter']],
  ['sister lives in Oregon', ['Oregon']],
  ['daughter visiting from England next week', ['England']],
  // A name ends at a sentence's dot: the label after it stays.
  ['PCP Dr. Patel. MRN 00451234 on file', ['MRN']],
  ['Wife Jane states DOE worse, foley draining', ['DOE', 'foley']],
  ['Participant: Harris, Wendell  Lab accession 55', ['Lab']],
  // German text: its everyday words are listed surnames and towns; no bare list hits there.
  ['Mein Sohn ist Koch und sucht eine Wohnung auf dem Markt in Berlin', ['Sohn', 'Koch', 'Markt']],
  ['daughter visiting from Norway and Finland next week', ['Norway', 'Finland']],
  ['PT IN SINUS ST 110S, NO ECTOPY', ['SINUS', 'ST']],
  ['EKG: ST depression in V4-V6, on heparin drip', ['ST']],
  ['lack of sex drive noted; on the road to recovery', ['drive', 'road']],
  ['IV route 2 attempts, Foley in place', ['route']],
  ['LIVES ALONE IN HOUSE; LIVES IN FEAR OF FALLING', ['HOUSE', 'FEAR']],
  ['lives with wife; in pain overnight', ['pain']],
  ['Braden 14, Morse fall score 45, Apgar 8/9', ['Braden', 'Morse', 'Apgar']],
  ['OB hx: Gravida 2 para 1', ['para']],
  ['G3P2 at 39 weeks, EDD 12/20/2024, LMP 3/14', ['EDD', 'LMP']],
  ['no daycare this week; in preschool now', ['daycare', 'preschool']],
  ['Patient: SMITH, JOHN Q  MRN: 4455667  DOB: 05/06/1944', ['MRN', 'DOB']],
  ['LEGAL GUARDIAN: Niece, Patricia Waite', ['Niece']],
  ['Follow-up: Cardiology clinic in 1 week; referred to the Pain Clinic', ['Cardiology', 'Pain']],
  ['located in raleigh. link: see chart', ['link']],
];

describe('dictionary detector', () => {
  it.each(POSITIVES)('finds names and places in %j', async (text, want) => {
    const got = await det.detect(text, ctx);
    for (const w of want) {
      const at = text.indexOf(w);
      expect(at, w).toBeGreaterThanOrEqual(0);
      expect(got.some((e) => e.start <= at && at + w.length <= e.end), `${w} in ${JSON.stringify(await found(text))}`).toBe(true);
    }
  });

  it.each(NEGATIVES)('leaves clinical words alone in %j', async (text, words) => {
    const got = await det.detect(text, ctx);
    for (const w of words) {
      const at = text.indexOf(w);
      expect(got.some((e) => e.start < at + w.length && at < e.end), `${w} in ${JSON.stringify(await found(text))}`).toBe(false);
    }
  });

  it('treats ALL CAPS, lowercase and mixed case alike', async () => {
    for (const t of ['Dr. Vonderhaar aware', 'DR. VONDERHAAR AWARE', 'dr. vonderhaar aware']) {
      expect(await found(t)).toEqual([t.slice(4, 14)]);
    }
  });

  it('labels sources with the rule that fired', async () => {
    const [e] = await det.detect('examined by Dr. Marchetti', ctx);
    expect(e?.source).toBe('dictionary/title');
    expect(e?.type).toBe('NAME');
  });

  it('propagates a cued name to its other mentions', async () => {
    const text = 'Dr. Vonderhaar aware. Later Vonderhaar ordered labs.';
    expect(await found(text)).toEqual(['Vonderhaar', 'Vonderhaar']);
  });

  it('never reports words inside redaction tags', async () => {
    expect(await found('seen by Dr. [NAME] and wife [NAME_1]')).toEqual([]);
  });

  it('respects requested types', async () => {
    const es = await det.detect('wife Gloria lives in Hackensack', { types: new Set<EntityType>(['LOCATION']) });
    expect(es.map((e) => e.type)).toEqual(['LOCATION']);
  });

  it('accepts extra names, places, stop words and allow words', async () => {
    const d = createDictionaryDetector({ names: ['Zyxwv'], places: ['Qwerton Falls'], stopWords: ['marchetti'], allowWords: ['hackensack'] });
    await d.load?.();
    const text = 'Zyxwv visited Qwerton Falls; Marchetti lives in Hackensack';
    const got = (await d.detect(text, ctx)).map((e) => text.slice(e.start, e.end));
    expect(got).toContain('Zyxwv');
    expect(got).toContain('Qwerton Falls');
    expect(got).not.toContain('Marchetti');
    expect(got).not.toContain('Hackensack');
  });

  it('validates options with ConfigError naming the option', () => {
    expect(() => createDictionaryDetector({ lexiconScore: 2 })).toThrow(ConfigError);
    expect(() => createDictionaryDetector({ names: [1 as unknown as string] })).toThrow(/dictionary\.names/);
    expect(() => createDictionaryDetector({ propagate: 'yes' as unknown as boolean })).toThrow(/dictionary\.propagate/);
    expect(DICTIONARY_DEFAULTS.lexiconScore).toBe(0.6);
  });

  it('fails closed when detect runs before load', () => {
    const d = createDictionaryDetector();
    expect(() => d.detect('x', ctx)).toThrow(ConfigError);
  });
});
