import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors.js';
import { createPhoneDetector, phoneDetectorFactory, DEFAULT_PHONE_CUES, PHONE_CANDIDATE_RE } from '../../src/detectors/phone.js';
import { getDetectorFactory } from '../../src/detectors/registry.js';
import { createRedactor } from '../../src/pipeline/redactor.js';
import { ENTITY_TYPES, type Detector, type Entity } from '../../src/types.js';

const ctx = { types: new Set(ENTITY_TYPES) };
const detector = createPhoneDetector();

function found(text: string, d = detector): { value: string; type: string }[] {
  return (d.detect(text, ctx) as Entity[]).map((e) => ({ value: text.slice(e.start, e.end), type: e.type }));
}

describe('phone detector: positives', () => {
  const cases: [string, string, string?][] = [
    ['Call (617) 555-0123 today', '(617) 555-0123'],
    ['home 617.555.0123.', '617.555.0123'],
    ['daughter at 617-555-0123', '617-555-0123'],
    ['phone 6175550123', '6175550123'],
    ['cell: 16175550123', '16175550123'],
    ['toll free 1-800-555-0199', '1-800-555-0199'],
    ['1 (800) 555-0199 anytime', '1 (800) 555-0199'],
    ['London office +44 20 7946 0958.', '+44 20 7946 0958'],
    ['US +1-617-555-0123', '+1-617-555-0123'],
    ['dial 011 44 20 7946 0958 from the US', '011 44 20 7946 0958'],
    // 011 followed only by 1-2 digit groups (the NANP prefilter's 011 branch).
    ['call 011-44-20-79-46-09-58 now', '011-44-20-79-46-09-58'],
    ['tel 011.33.1.42.68.53.00', '011.33.1.42.68.53.00'],
    ['x-ray 617-555-0123 x123 done', '617-555-0123 x123'],
    ['617-555-0123 ext. 45', '617-555-0123 ext. 45'],
    ['617-555-0123, extension 7', '617-555-0123, extension 7'],
    ['Tel 304/617/2289', '304/617/2289'],
    ['nephew Ruiz- 646- 318- 2074.', '646- 318- 2074'],
    ['NIECE---240 871-3306 &', '240 871-3306'],
    ['please phone re results: 443 716 2258 x31.', '443 716 2258 x31'],
    ['she is best reached on 571 4829036.', '571 4829036'],
    ["pt's aunt (703881-5529) came by", '(703881-5529'],
    ['surrogate 146-527-3184 ok', '146-527-3184'],
    ['stopped in.(410 586 27731) both', '(410 586 27731'],
    // No area code, only with a cue (issue 3).
    ['call 555-0123 for results', '555-0123'],
    ['ph 5550123', '5550123'],
    ['tel# 555.0123', '555.0123'],
    ['ext 555-0123', '555-0123'],
    // Pagers: 4-6 digits after a pager cue.
    ['Pager #12345', '12345'],
    ['Dr. Fletcher Kowalski x14903', '14903'],
    ['Ruecker 28/07/2020 x33527', '33527'],
    ['reach me at ext. 4521', '4521'],
    // Hospital pagers / extensions with the exchange digit.
    ['Resident: Kyle Reese, MD (pgr 4-5521).', '4-5521'],
    ['call ext 4-5521 for results', '4-5521'],
    ['Tel.: 503/459-1537.', '503/459-1537'],
    ['csv ,6173791495,2020-01-10', '6173791495'],
    ['tsv\tMR5601901\t773 832 9994\t07168', '773 832 9994'],
    ['tsv\t648-38-33\t(904)816-0192\t69247', '(904)816-0192'],
    ['csv,13136056,+44 20 7946 6413,15mar2024', '+44 20 7946 6413'],
    ['conn-marvin,vivien,04/19/1934,306-28-56,(503) 994-8087,apr', '(503) 994-8087'],
    ['Doctor O\'Reilly pgr 3575', '3575'],
    ['callback 584-1117', '584-1117'],
    ['mother, c: 299-1524.', '299-1524'],
    ['tsv\t22-204777\t297-3049\t87828', '297-3049'],
    ['NK1|1|PENNINGTON^ARLO|MTH||794-6686\rPV1', '794-6686'],
    ['sister in Sydney, rang +61 2 5456 3428.', '+61 2 5456 3428'],
    ['HCP: Unique (niece) 305-975-7638. 72 y/o', '305-975-7638'],
    ['HCP: partner Ollie Harris 735-4537 x174. Transferred', '735-4537 x174'],
    ['HCP: Velma (health care proxy) 684-9187.', '684-9187'],
    ['street^^alfordside^id^23870||+1 614 775 8902|||', '+1 614 775 8902'],
    ['hl7 ||7189031520|||', '7189031520'],
    ['PG 23456', '23456'],
    ['Pager: #41862', '41862'],
    ['beeper 4567', '4567'],
  ];
  it.each(cases)('%s', (text, value) => {
    expect(found(text).map((f) => f.value)).toEqual([value]);
  });

  it('reports PHONE with source "phone" and a sensible score', () => {
    const [e] = detector.detect('Call 617-555-0123', ctx) as Entity[];
    expect(e).toMatchObject({ type: 'PHONE', source: 'phone', start: 5, end: 17 });
    expect(e!.score).toBeGreaterThanOrEqual(0.8);
  });

  it('finds several numbers on one line', () => {
    expect(found('cell# 443-618-2097 Home# 207-834-5512 work# 866-241-7730').map((f) => f.value)).toEqual([
      '443-618-2097',
      '207-834-5512',
      '866-241-7730',
    ]);
  });
});

describe('phone detector: FAX by cue', () => {
  it.each([
    ['Fax: 617-555-0199', 'FAX'],
    ['facsimile 617-555-0199', 'FAX'],
    ['F: 617-555-0199', 'FAX'],
    ['Clinic, efax 702-895-2473', 'FAX'],
    ['Tel 1-314-835-0165  fax no. 718 724 7173', 'PHONE,FAX'],
    ['Pager # 12345', 'PHONE'],
    ['fax 555-0199', 'FAX'],
    ['Phone 617-555-0123', 'PHONE'],
  ])('%s -> %s', (text, type) => {
    expect(found(text).map((f) => f.type)).toEqual(type.split(','));
  });

  it('the nearest cue wins', () => {
    expect(found('Tel 617-555-0123, Fax 617-555-0199').map((f) => f.type)).toEqual(['PHONE', 'FAX']);
    expect(found('Fax 617-555-0199, tel 617-555-0123').map((f) => f.type)).toEqual(['FAX', 'PHONE']);
  });

  it('a fax cue on the previous line does not count', () => {
    expect(found('Fax\n617-555-0123').map((f) => f.type)).toEqual(['PHONE']);
  });

  it('honours the requested types', () => {
    const onlyPhone = { types: new Set(['PHONE'] as const) };
    expect(detector.detect('Fax 617-555-0199 tel 617-555-0123', onlyPhone)).toHaveLength(1);
  });
});

describe('phone detector: near-miss negatives', () => {
  it.each([
    ['date', 'seen 03/14/2021 and 2021-03-14'],
    ['compact date', 'HL7 20210314120000'],
    ['blood pressure', 'BP 120/80 HR 88 RR 18'],
    ['vitals run', 'vs 130/70 80 18 98 2L'],
    ['ABG', 'abg 7.28/55/69/25'],
    ['lab values', 'Na 138 K 3.8 Cl 99 HCO3 23 BUN 27 Cr 1.6 Glu 142'],
    ['SSN', 'SSN 123-45-6789'],
    ['SSN-like without cue', 'number 123-45-6789'],
    ['MRN with cue', 'MRN: 617-555-0123'],
    ['MRN bare digits', 'MRN 6175550123'],
    ['account', 'Acct # 617-555-0123'],
    ['patient id', 'Patient ID: 6175550123'],
    ['NPI', 'NPI 1234567893'],
    ['bare 10 digits, invalid area code', 'value 1175550123 recorded'],
    ['bare 10 digits, invalid exchange', 'value 6171550123 recorded'],
    ['x with few digits', 'Cefepime 2 g x1, x3 doses, x 7 days'],
    ['vent settings', 'simv 12 x 550 40% 5 peep, a/c 16 x650'],
    ['lot number with X', 'serial DU82544633, lot X52511.'],
    ['7 digits without cue', 'result 5550123 units'],
    ['3-4 without cue', 'lot 555-0123 used'],
    ['3-4 in prose without cue', 'scored 555-0123 on the scale'],
    ['3-4 cell starting with 0/1', 'a\t155-0123\tb'],
    ['5 digits without pager cue', 'ZIP 02115'],
    ['dose range after a multiplier', 'vanco x2-1000 mg'],
    ['range without a pager cue', 'gave 1-2000 units, drank 3-4000 ml'],
    ['ZIP+4', 'Boston MA 02115-1234'],
    ['ICD codes', 'dx 250.00, 401.9, I10'],
    ['credit card', '4111 1111 1111 1111'],
    ['long id', 'ID 123-456-7890-12'],
    ['glued to letters', 'code A617-555-0123'],
    ['time ranges', 'Window:2:15-3:45pm'],
    ['dose', 'heparin 1200 units/hr, 25000 units in 250 ml'],
    ['years', 'in 1999 2000 2001'],
    ['mixed slashes', 'ratio 617-555/0123'],
    ['11 digits in 3 groups, not wrapped', 'values 410 586 27731 noted'],
    ['6+4 not wrapped', 'codes 703881-5529 noted'],
  ])('%s', (_name, text) => {
    expect(found(text)).toEqual([]);
  });
});

describe('phone detector: options', () => {
  it('validates defaultRegion', () => {
    expect(() => createPhoneDetector({ defaultRegion: 'XX' })).toThrow(ConfigError);
    expect(() => createPhoneDetector({ defaultRegion: 42 as unknown as string })).toThrow(/phone.defaultRegion/);
  });

  it('validates the other options', () => {
    expect(() => createPhoneDetector({ cueWindow: -1 })).toThrow(/phone.cueWindow/);
    expect(() => createPhoneDetector({ shortNumbers: 'yes' as unknown as boolean })).toThrow(/phone.shortNumbers/);
    expect(() => createPhoneDetector({ phoneCues: [''] })).toThrow(/phone.phoneCues/);
    expect(() => createPhoneDetector(null as unknown as object)).toThrow(ConfigError);
  });

  it('a non-NANP default region parses national numbers of that region', () => {
    const gb = createPhoneDetector({ defaultRegion: 'GB' });
    expect(found('ring 020 7946 0958 today', gb).map((f) => f.value)).toEqual(['020 7946 0958']);
    expect(found('+1 617-555-0123', gb).map((f) => f.value)).toEqual(['+1 617-555-0123']);
    expect(found('seen 03/14/2021', gb)).toEqual([]);
  });

  it('shortNumbers: false turns off the cue-only shapes', () => {
    const d = createPhoneDetector({ shortNumbers: false });
    expect(found('call 555-0123', d)).toEqual([]);
    expect(found('Pager #12345', d)).toEqual([]);
    expect(found('call 617-555-0123', d)).toHaveLength(1);
  });

  it('cue lists can be replaced', () => {
    const d = createPhoneDetector({ phoneCues: [...DEFAULT_PHONE_CUES, 'llamar'] });
    expect(found('llamar 555-0123', d).map((f) => f.value)).toEqual(['555-0123']);
    expect(found('llamar 555-0123')).toEqual([]);
  });

  it('cueWindow 0 disables cues', () => {
    const d = createPhoneDetector({ cueWindow: 0 });
    expect(found('call 555-0123', d)).toEqual([]);
    expect(found('Fax 617-555-0199', d).map((f) => f.type)).toEqual(['PHONE']);
  });

  it('the candidate regex is global and exported as data', () => {
    expect(PHONE_CANDIDATE_RE.flags).toContain('g');
  });
});

describe('phone detector: registration and pipeline', () => {
  it('is registered as "phone"', () => {
    expect(getDetectorFactory('phone')).toBe(phoneDetectorFactory);
    expect((phoneDetectorFactory.create(undefined) as Detector).id).toBe('phone');
    expect(() => phoneDetectorFactory.create({ defaultRegion: 'ZZ' })).toThrow(ConfigError);
  });

  it('redacts through the pipeline', async () => {
    const r = await createRedactor({ detectors: ['phone'] });
    const out = await r.redact('Call 617-555-0123, fax 617-555-0199.');
    expect(out.text).toBe('Call [PHONE], fax [FAX].');
  });

  it('takes options through detectorOptions', async () => {
    const r = await createRedactor({ detectors: ['phone'], detectorOptions: { phone: { defaultRegion: 'GB' } } });
    const out = await r.redact('ring 020 7946 0958');
    expect(out.text).toBe('ring [PHONE]');
  });
});

describe('phone: extensions are not reported twice', () => {
  it('a number with "ext." and a long extension is one entity', () => {
    const text = 'call 5003000000 ext. 00617 today';
    const out = createPhoneDetector().detect(text, { types: new Set(ENTITY_TYPES) }) as Entity[];
    for (let i = 1; i < out.length; i++) expect(out[i]!.start).toBeGreaterThanOrEqual(out[i - 1]!.end);
  });
});
