import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/errors.js';
import { createPatternsDetector, DEFAULT_PATTERNS, PATTERN_FAMILIES } from '../../../src/detectors/patterns/index.js';
import { ENTITY_TYPES, type Entity, type EntityType } from '../../../src/types.js';

const detector = createPatternsDetector();
const all = { types: new Set<EntityType>(ENTITY_TYPES) };

function found(text: string): string[] {
  return (detector.detect(text, all) as { type: string; start: number; end: number }[]).map(
    (e) => `${e.type}:${text.slice(e.start, e.end)}`,
  );
}

/** [text, type, exact span] — the span must be reported with that type. */
const POSITIVES: [string, EntityType, string][] = [
  // dates
  ['DOB: 03/14/2021 14:30 seen', 'DATE', '03/14/2021 14:30'],
  ['seen 3/14 in clinic', 'DATE', '3/14'],
  ['NOTED BY NEPHEW ON 9/17', 'DATE', '9/17'],
  ['admitted 7/22/04 to GH', 'DATE', '7/22/04'],
  ['went back to IR on 9-17 for', 'DATE', '9-17'],
  ['on 2021-03-14 and', 'DATE', '2021-03-14'],
  ['at 2023-05-09T05:13:57Z user', 'DATE', '2023-05-09T05:13:57Z'],
  ['collected 14-Mar-2021 at 0644 ok', 'DATE', '14-Mar-2021 at 0644'],
  ['on March 14, 2021 at', 'DATE', 'March 14, 2021'],
  ['on Mar 14th, 2021.', 'DATE', 'Mar 14th, 2021'],
  ['discharged August 3rd after', 'DATE', 'August 3rd'],
  ['months in feb. 2013 she', 'DATE', 'feb. 2013'],
  ['AUDIT 19DEC2021 AT 11:45AM user', 'DATE', '19DEC2021 AT 11:45AM'],
  ['HL7 20210314 received', 'DATE', '20210314'],
  ['cath 5/91 revealed', 'DATE', '5/91'],
  ['states it is 14th Jun, 1976.', 'DATE', '14th Jun, 1976'],
  ['extubated on the 19th.', 'DATE', '19th'],
  ["HX: CVA '88, DVT", 'DATE', '88'],
  ["TIA 67'. smoker", 'DATE', '67'],
  ['back pain since 2011 and', 'DATE', '2011'],
  ['S/P AVR 1963, 1979 and', 'DATE', '1979'],
  ['HX: PTCA 77, Redo PTCA 83, AVR', 'DATE', '83'],
  ['vehicle identification number 1HGCM82633A004353 ok', 'VEHICLE_ID', '1HGCM82633A004353'],
  ['Lic. H-91746 on file', 'LICENSE_NUMBER', 'H-91746'],
  ['home in September and', 'DATE', 'September'],
  // ages over 89
  ['a 92 yo male', 'AGE', '92'],
  ['a 92yo male', 'AGE', '92'],
  ['a 93-year-old woman', 'AGE', '93'],
  ['she is 101 years old', 'AGE', '101'],
  ['age 95, lives alone', 'AGE', '95'],
  ['Age: 90', 'AGE', '90'],
  ['is a 99 m transferred', 'AGE', '99'],
  ['a ninety-two year old', 'AGE', 'ninety-two'],
  // contact and network
  ['mail john.doe+x@mail.example.com now', 'EMAIL', 'john.doe+x@mail.example.com'],
  ['see https://portal.example.org/a?b=1). ok', 'URL', 'https://portal.example.org/a?b=1'],
  ['see www.example.com.', 'URL', 'www.example.com'],
  ['via mychart.example.org/x today', 'URL', 'mychart.example.org/x'],
  ['from 192.168.10.1 at', 'IP_ADDRESS', '192.168.10.1'],
  ['src=2001:db8::1 ok', 'IP_ADDRESS', '2001:db8::1'],
  ['src=fe80::1ff:fe23:4567:890a ok', 'IP_ADDRESS', 'fe80::1ff:fe23:4567:890a'],
  // places
  ['her husband is ninety-one.', 'AGE', 'ninety-one'],
  ['He turned 90 last week', 'AGE', '90'],
  ['MAC 00:1A:2B:3C:4D:5E on the infusion pump', 'DEVICE_ID', '00:1A:2B:3C:4D:5E'],
  ['mac aa:bb:cc:dd:ee:ff', 'DEVICE_ID', 'aa:bb:cc:dd:ee:ff'],
  // Label words that need a mark take a long number as one.
  ['encounter 987654321 closed', 'MRN', '987654321'],
  ['chart 1234567 reviewed', 'MRN', '1234567'],
  // The visible part of a masked or partial SSN.
  ['SSN xxx-xx-6789 on file', 'SSN', 'xxx-xx-6789'],
  ['ssn last four 6789', 'SSN', '6789'],
  ['last 4 of SSN: 6789', 'SSN', '6789'],
  ['HUSBAND IS NINETY TWO AND FRAIL', 'AGE', 'NINETY TWO'],
  ['Boston, MA 02114 USA', 'ZIP_CODE', '02114'],
  ['savannah, ga 38486-1234', 'ZIP_CODE', '38486-1234'],
  ['Austin Texas 78701', 'ZIP_CODE', '78701'],
  ['zip code: 10001', 'ZIP_CODE', '10001'],
  ['postcode SW1A 1AA, London', 'ZIP_CODE', 'SW1A 1AA'],
  ['Toronto, ON M5V 2T6', 'ZIP_CODE', 'M5V 2T6'],
  ['K1A0B1 Ottawa', 'ZIP_CODE', 'K1A0B1'],
  ['Ontario health card 1234-567-890-AB', 'HEALTH_PLAN_ID', '1234-567-890-AB'],
  ['NHS number 943 476 5919', 'HEALTH_PLAN_ID', '943 476 5919'],
  // "Bank" is an account cue; the state between it and the digits makes them a ZIP.
  ['lives in Red Bank, NJ 07701 with son', 'ZIP_CODE', '07701'],
  ['bank account 07701', 'ACCOUNT_NUMBER', '07701'],
  ['lives at 123 Main St, Apt 4B with', 'LOCATION', '123 Main St, Apt 4B'],
  ['at 1600 N Elm Avenue Suite 200 in', 'LOCATION', '1600 N Elm Avenue Suite 200'],
  ['PO Box 552 Boston', 'LOCATION', 'PO Box 552'],
  ['P.O. Box 12', 'LOCATION', 'P.O. Box 12'],
  // identifiers
  ['SSN 123-45-6789.', 'SSN', '123-45-6789'],
  ['SSN: 123456789', 'SSN', '123456789'],
  ['ss# 123 45 6789', 'SSN', '123 45 6789'],
  ['MRN: 12345678', 'MRN', '12345678'],
  ['MR# 4471-22 seen', 'MRN', '4471-22'],
  ['Med Rec No. A1234567', 'MRN', 'A1234567'],
  ['medical record number 5512345', 'MRN', '5512345'],
  ['Chart #: 002-84-61', 'MRN', '002-84-61'],
  ['Member ID: XJH123456789', 'HEALTH_PLAN_ID', 'XJH123456789'],
  ['policy number 88412399', 'HEALTH_PLAN_ID', '88412399'],
  ['Medicare 1EG4-TE5-MK73', 'HEALTH_PLAN_ID', '1EG4-TE5-MK73'],
  ['bare MBI 1EG4TE5MK73 here', 'HEALTH_PLAN_ID', '1EG4TE5MK73'],
  ['Acct #12345678', 'ACCOUNT_NUMBER', '12345678'],
  ['routing 011000015', 'ACCOUNT_NUMBER', '011000015'],
  ['DEA AB1234563', 'LICENSE_NUMBER', 'AB1234563'],
  ['prescriber BB1388568 signed', 'LICENSE_NUMBER', 'BB1388568'],
  ['License: D1234567', 'LICENSE_NUMBER', 'D1234567'],
  ['VIN 1HGCM82633A004352', 'VEHICLE_ID', '1HGCM82633A004352'],
  ['car 1HGCM82633A004352 parked', 'VEHICLE_ID', '1HGCM82633A004352'],
  ['plate 7ABC123 seen', 'VEHICLE_ID', '7ABC123'],
  ['license plate ABC 1234', 'VEHICLE_ID', 'ABC 1234'],
  ['Serial #: SN-4471-XK', 'DEVICE_ID', 'SN-4471-XK'],
  ['UDI (01)00844588003288(17)141120(10)7654321D(21)10 ok', 'DEVICE_ID', '(01)00844588003288(17)141120(10)7654321D(21)10'],
  ['S/N 88213Q', 'DEVICE_ID', '88213Q'],
  ['card 4111 1111 1111 1111 exp', 'CREDIT_CARD', '4111 1111 1111 1111'],
  ['visa 4111111111111111', 'CREDIT_CARD', '4111111111111111'],
  ['amex 3782-822463-10005', 'CREDIT_CARD', '3782-822463-10005'],
  ['NPI 1234567893', 'NPI', '1234567893'],
  ['IBAN GB82 WEST 1234 5698 7654 32.', 'IBAN', 'GB82 WEST 1234 5698 7654 32'],
  ['ref # 7149206 here', 'OTHER_ID', '7149206'],
  ['Financial no. 523785864226 x', 'ACCOUNT_NUMBER', '523785864226'],
  ['Transplant ID: A84-973625 x', 'OTHER_ID', 'A84-973625'],
  ['Wristband #: 88431207 x', 'OTHER_ID', '88431207'],
];

/** [text, type that must not appear] — near misses. */
const NEGATIVES: [string, EntityType | 'ANY'][] = [
  ['BP 120/80 HR 72', 'ANY'],
  ['give 1/2 tab po', 'ANY'],
  ['1 1/2 LR at 125', 'ANY'],
  ['pain 7/10 tonight', 'ANY'],
  ['pain level 6/10', 'ANY'],
  ['strength 5/5 bilaterally', 'ANY'],
  ['2/6 SEM at LUSB', 'ANY'],
  ['PSV 12/6 overnight', 'ANY'],
  ['on 3-4 L NC', 'ANY'],
  ['version v2.1.3 installed', 'ANY'],
  ['ABG 7.31/52/74/26', 'ANY'],
  ['HR in the 60\'s, SBP 80\'S', 'ANY'],
  ['card exp 09/26 ok', 'DATE'],
  ['age 45', 'ANY'],
  ['a 45 yo man', 'ANY'],
  ['89 year old', 'ANY'],
  ['Foley draining', 'ANY'],
  ['q.i.d. and b.i.d. and mg/dl e.g. p.o.', 'ANY'],
  ['room 412, bed 2', 'ANY'],
  ['ICD I10 and CPT 99213', 'ANY'],
  ['12345678 alone', 'ANY'],
  ['123456789 alone', 'ANY'],
  ['SSN 000-12-3456', 'SSN'],
  ['SSN 666-12-3456', 'SSN'],
  ['SSN 912-12-3456', 'SSN'],
  ['SSN 123-00-6789', 'SSN'],
  ['SSN 123-45-0000', 'SSN'],
  ['card 4111 1111 1111 1112', 'CREDIT_CARD'],
  ['NPI 1234567890', 'NPI'],
  ['IBAN GB82 WEST 1234 5698 7654 33', 'IBAN'],
  ['DEA AB1234564', 'LICENSE_NUMBER'],
  ['car 1HGCM82634A004352', 'VEHICLE_ID'],
  ['routing 011000016', 'ACCOUNT_NUMBER'],
  ['time 12:30:45 noted', 'ANY'],
  ['gave 2 units per Dr Smith', 'ANY'],
  ['GIVEN 2 UNITS PER DR SMITH', 'ANY'],
  ['HR 76-112 SR TO ST, NO PVCS', 'ANY'],
  ['ID: afebrile, Tmax 100.8 overnight', 'ANY'],
  ['02114 alone', 'ZIP_CODE'],
  ['PO2 80, A1C 7.2, CO2 24, T4 2NL, Q4H 2HR', 'ZIP_CODE'],
  ['PHN visit 2x/week', 'HEALTH_PLAN_ID'],
  ['sats ninety-one percent on RA', 'AGE'],
  ['pt turned 90 degrees to the left', 'AGE'],
  ['drip stopped at 12:30:45 today', 'DEVICE_ID'],
  ['hospital 2008 stay, chart 12 pages', 'MRN'],
  ['SSN verified; last 4 visits 2019', 'SSN'],
  ['AB:CD:EF:01:23:45:67 seven groups', 'DEVICE_ID'],
  ['HR turned to 90s after lopressor', 'AGE'],
  ['ninety-five minutes of CPR', 'AGE'],
  ['in 02114', 'ZIP_CODE'],
  ['at 1400 pt slept', 'ANY'],
  ['may 2 units be given', 'ANY'],
  ['dec 5 mg', 'ANY'],
  ['room no. 412, bed # 2, Pager #12345, CVS #1713', 'ANY'],
  ['RARE PVCS. BP 91-118/44-57', 'ANY'],
  ['Group # 44004', 'ANY'],
  ['Repeat troponin at 2200, 0600', 'ANY'],
  ['seen by Mr. Alvarez. Came up to MICU ~ 2145, sedated', 'ANY'],
  ['3units reg. insulin x1 covered', 'ANY'],
  ['FS COVERED W 6U REG SQ @ 0400', 'ANY'],
  ['EXTREMITIES COOL.CO AND SVR LOWER', 'ANY'],
  ['rhonchi over lower 2/3 of left field', 'ANY'],
  ['hct is 24, down from 31. lytes ok', 'ANY'],
  ['Keep supine until 1900.', 'ANY'],
  ['HOB 45\'. Tube secured', 'ANY'],
  ['resting in bed on 2-3 pillows', 'ANY'],
];

describe('patterns detector: positives', () => {
  it.each(POSITIVES)('%s -> %s %s', (text, type, span) => {
    expect(found(text)).toContain(`${type}:${span}`);
  });
});

describe('patterns detector: near-miss negatives', () => {
  it.each(NEGATIVES)('%s has no %s', (text, type) => {
    const got = found(text);
    if (type === 'ANY') expect(got).toEqual([]);
    else expect(got.filter((g) => g.startsWith(`${type}:`))).toEqual([]);
  });
});

describe('structured records', () => {
  it('types HL7 v2 PID / PV1 fields by position', () => {
    const msg =
      'MSH|^~\\&|EPIC|GH|LAB|LAB|20240101120000||ADT^A01|MSG1|P|2.5.1\r' +
      'PID|1||72258483^^^HOSP^MR||DOE^JANE^A||19650105|F|||1 MAIN ST^^BOSTON^MA^02114||6175551234|||||3912128803|123-45-6789\r' +
      'PV1|1|I|MICU^123^1||||1234567893^SMITH^JOHN^^^^MD|||||||||||V146637883\r';
    const got = found(msg);
    expect(got).toContain('MRN:72258483');
    expect(got).toContain('ZIP_CODE:02114');
    expect(got).toContain('ACCOUNT_NUMBER:3912128803');
    expect(got).toContain('SSN:123-45-6789');
    expect(got).toContain('NPI:1234567893');
    expect(got).toContain('ACCOUNT_NUMBER:V146637883');
  });

  it('types delimited-table columns from their header', () => {
    const csv = 'NAME,DOB,MRN,PHONE,ZIP,DX\n"DOE, JANE",11-9-58,2316969,555-1234,09321,N18.3\n"ROE, RICK",June 11, 1998,22-470777,555-9876,35298-1234,J44.1\n';
    const got = found(csv);
    expect(got).toContain('MRN:2316969');
    expect(got).toContain('MRN:22-470777');
    expect(got).toContain('ZIP_CODE:09321');
    expect(got).toContain('ZIP_CODE:35298-1234');
    expect(got.some((g) => g.startsWith('DATE:June 11, 1998'))).toBe(true);
    const tsv = 'Last\tFirst\tmedical_record_number\nDoe\tJane\t56-393330\n';
    expect(found(tsv)).toContain('MRN:56-393330');
  });

  it('reads FHIR-style labels', () => {
    expect(found('"type": "MR", "value": "583-21-71" }')).toContain('MRN:583-21-71');
    expect(found('"postalCode": "02114" }')).toContain('ZIP_CODE:02114');
    expect(found('"id": "4453bdbe-dd88-46f4-b9bb-001c3c9d258a",')).toContain('OTHER_ID:4453bdbe-dd88-46f4-b9bb-001c3c9d258a');
  });

  it('does not take public reference URLs or OIDs for PHI', () => {
    expect(found('"url": "http://hl7.org/fhir/StructureDefinition/patient-birthPlace"')).toEqual([]);
    expect(found('"identifier": [{ "system": "urn:oid:2.16.840.1.113883.19.5"')).toEqual([]);
  });

  it('a prose line is never a header', () => {
    expect(found('Family updated, questions answered at bedside\n12345678,55,02114\n')).toEqual([]);
  });
});

describe('patterns detector: behaviour', () => {
  it('reports entity sources as patterns/<family>', () => {
    const out = detector.detect('SSN 123-45-6789 on 3/14/2021', all) as { source: string }[];
    expect(out.map((e) => e.source)).toEqual(['patterns/ssn', 'patterns/dates']);
  });

  it('confirmed checksums score 1', () => {
    const out = detector.detect('card 4111 1111 1111 1111', all) as { score: number }[];
    expect(out[0]?.score).toBe(1);
  });

  it('cues raise scores: bare NPI 0.6, with cue 1', () => {
    const bare = detector.detect('provider 1234567893 signed', all) as { score: number }[];
    const cued = detector.detect('NPI: 1234567893', all) as { score: number }[];
    expect(bare[0]?.score).toBe(0.6);
    expect(cued[0]?.score).toBe(1);
  });

  it('cue words are case-insensitive and admit ids with punctuation', () => {
    for (const t of ['mrn 12345678', 'MRN:12345678', 'Mrn # 12345678', 'MED REC NO. 12345678']) {
      expect(found(t)).toEqual(['MRN:12345678']);
    }
  });

  it('a cue only reaches the first identifier after it, within the window', () => {
    expect(found('MRN 12345678 weight 80 kg')).toEqual(['MRN:12345678']);
    expect(found(`MRN ${'x'.repeat(60)} 12345678`)).toEqual([]);
  });

  it('skips families whose types were not asked for', () => {
    const out = detector.detect('SSN 123-45-6789 on 3/14/2021', { types: new Set<EntityType>(['DATE']) }) as Entity[];
    expect(out.map((e) => e.type)).toEqual(['DATE']);
    expect(detector.detect('SSN 123-45-6789', { types: new Set<EntityType>(['NAME']) })).toEqual([]);
  });

  it('yearAlone: false turns off bare years', () => {
    const d = createPatternsDetector({ yearAlone: false });
    expect(d.detect('since 2011 and', all)).toEqual([]);
  });

  it('cueWords extends the cue lists', () => {
    const d = createPatternsDetector({ cueWords: { mrn: ['kundennummer'] } });
    const out = d.detect('Kundennummer 44556677', all) as { type: string }[];
    expect(out.map((e) => e.type)).toEqual(['MRN']);
  });

  it('families restricts what runs', () => {
    const d = createPatternsDetector({ families: ['ssn'] });
    expect(d.types).toEqual(['SSN']);
    expect((d.detect('SSN 123-45-6789 on 3/14/2021', all) as { type: string }[]).map((e) => e.type)).toEqual(['SSN']);
  });

  it('validates options with a ConfigError naming the option', () => {
    expect(() => createPatternsDetector({ window: -1 })).toThrow(ConfigError);
    expect(() => createPatternsDetector({ families: ['nope'] })).toThrow(/families/);
    expect(() => createPatternsDetector({ yearAlone: 'yes' } as never)).toThrow(/yearAlone/);
    expect(() => createPatternsDetector({ cueWords: { bogus: ['x'] } } as never)).toThrow(/cueWords/);
    expect(() => createPatternsDetector({ extra: 1 } as never)).toThrow(/extra/);
  });

  it('exports readable pattern data', () => {
    expect(DEFAULT_PATTERNS.length).toBeGreaterThan(30);
    for (const p of DEFAULT_PATTERNS) {
      expect(p.regex.sticky).toBe(true);
      expect(p.regex.unicode).toBe(false);
      expect(ENTITY_TYPES).toContain(p.type);
      expect(Object.keys(PATTERN_FAMILIES)).toContain(p.family);
      expect(p.score).toBeGreaterThan(0);
      expect(p.score).toBeLessThanOrEqual(1);
    }
  });

  it('finds the same entities anywhere in a long text (linear scan, no state leak between calls)', () => {
    const unit = 'SSN 123-45-6789 seen 3/14/2021. BP 120/80. ';
    const text = unit.repeat(2000);
    const out = detector.detect(text, all) as Entity[];
    expect(out.length).toBe(4000);
    expect(found(unit)).toEqual(['SSN:123-45-6789', 'DATE:3/14/2021']);
  });
});
