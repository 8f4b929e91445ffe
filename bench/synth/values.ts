/**
 * Identifier values in the many surface forms clinicians and billing systems write them, with
 * valid check digits where the real identifier has one (Luhn cards, NPI, DEA, VIN, IBAN). Each
 * `say*` function writes a cue word (split-filtered, see gen.ts) and the value into a builder;
 * the value functions return just the string.
 */
import type { DocBuilder } from './builder.js';
import { deaCheckDigit, ibanCheckDigits, luhnCheckDigit, npiCheckDigit, vinCheckChar } from './checksums.js';
import { personFirst, personLast, type Gen } from './gen.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const MON = MONTHS.map((m) => m.slice(0, 3));
const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

// ---------------------------------------------------------------- dates and times

export type DateFormat = (d: Date, g: Gen) => string;

function ord(n: number): string {
  const v = n % 100;
  if (v >= 11 && v <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}

/** Full dates (day, month and year). */
export const FULL_DATE_FORMATS: readonly DateFormat[] = [
  (d) => `${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())}/${d.getUTCFullYear()}`,
  (d) => `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()}`,
  (d) => `${pad(d.getUTCDate())}-${MON[d.getUTCMonth()]}-${d.getUTCFullYear()}`,
  (d) => `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}`,
  (d) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`,
  (d) => `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${pad(d.getUTCFullYear() % 100)}`,
  (d) => `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}`,
  (d) => `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`,
  (d) => `${MON[d.getUTCMonth()]} ${d.getUTCDate()} ${d.getUTCFullYear()}`,
  (d) => `${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}-${d.getUTCFullYear()}`,
  (d) => `${MON[d.getUTCMonth()]}. ${ord(d.getUTCDate())}, ${d.getUTCFullYear()}`,
  (d) => `${pad(d.getUTCMonth() + 1)}.${pad(d.getUTCDate())}.${d.getUTCFullYear()}`,
  (d) => `${pad(d.getUTCDate())}${MON[d.getUTCMonth()]?.toUpperCase()}${d.getUTCFullYear()}`,
  (d) => `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`,
  (d) => `${ord(d.getUTCDate())} of ${MONTHS[d.getUTCMonth()]}, ${d.getUTCFullYear()}`,
  (d) => `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())}`,
  (d) => `${ord(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`,
  (d) => `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCFullYear() % 100)}`,
  (d) => `${d.getUTCFullYear()}.${pad(d.getUTCMonth() + 1)}.${pad(d.getUTCDate())}`,
  (d) => `${MON[d.getUTCMonth()]}-${pad(d.getUTCDate())}-${d.getUTCFullYear()}`,
  (d) => `${MONTHS[d.getUTCMonth()]} ${ord(d.getUTCDate())} ${d.getUTCFullYear()}`,
  (d) => `${d.getUTCMonth() + 1}-${d.getUTCDate()}-${pad(d.getUTCFullYear() % 100)}`,
];

/** Partial dates: month and day, month and year. */
export const PARTIAL_DATE_FORMATS: readonly DateFormat[] = [
  (d) => `${d.getUTCMonth() + 1}/${d.getUTCDate()}`,
  (d) => `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}`,
  (d) => `${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())}`,
  (d) => `${MON[d.getUTCMonth()]} ${ord(d.getUTCDate())}`,
  (d) => `${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`,
  (d) => `${d.getUTCDate()}-${MON[d.getUTCMonth()]}`,
  (d) => `${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`,
  (d) => `${ord(d.getUTCDate())} of ${MONTHS[d.getUTCMonth()]}`,
  (d) => `${MON[d.getUTCMonth()]} '${pad(d.getUTCFullYear() % 100)}`,
  (d) => `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`,
  (d) => `${MONTHS[d.getUTCMonth()]} of ${d.getUTCFullYear()}`,
  (d) => `${MON[d.getUTCMonth()]}-${d.getUTCFullYear()}`,
];

/** Partial formats without a day (a time after them would read oddly). */
const MONTH_YEAR_FORMATS: ReadonlySet<DateFormat> = new Set([4, 6, 8, 10, 11].map((i) => PARTIAL_DATE_FORMATS[i]).filter((f): f is DateFormat => f !== undefined));

export const TIME_FORMATS: readonly DateFormat[] = [
  (d) => `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`,
  (d) => `${((d.getUTCHours() + 11) % 12) + 1}:${pad(d.getUTCMinutes())} ${d.getUTCHours() < 12 ? 'AM' : 'PM'}`,
  (d) => `${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}`,
  (d) => `${((d.getUTCHours() + 11) % 12) + 1}:${pad(d.getUTCMinutes())}${d.getUTCHours() < 12 ? 'am' : 'pm'}`,
  (d) => `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`,
];

/** A full date, sometimes with a time attached (the whole thing is one DATE span). */
export function sayDate(g: Gen, b: DocBuilder, d: Date, opts: { partial?: boolean; time?: number } = {}): void {
  if (g.chance(0.05) && !opts.partial) {
    b.p('DATE', `${d.toISOString().slice(0, 19)}${g.pick(['Z', '', '-05:00'])}`);
    return;
  }
  const fmt = opts.partial ? g.cue(PARTIAL_DATE_FORMATS) : g.cue(FULL_DATE_FORMATS);
  let value = fmt(d, g);
  const hasDay = !opts.partial || !MONTH_YEAR_FORMATS.has(fmt);
  // A time written with the date is part of the same DATE span; a time alone is not PHI.
  if (hasDay && g.chance(opts.time ?? 0)) value += `${g.cue([' ', ' at ', ' @ ', ', '])}${g.cue(TIME_FORMATS)(d, g)}`;
  b.p('DATE', value);
}

// ---------------------------------------------------------------- names

export interface NameParts {
  first: string;
  middle?: string;
  last: string;
}

export function randomName(g: Gen): NameParts {
  return { first: personFirst(g), middle: g.f.person.firstName(), last: personLast(g) };
}

export function formatName(g: Gen, n: NameParts): string {
  const mi = (n.middle ?? 'A').charAt(0);
  return g.cue([
    `${n.first} ${n.last}`,
    `${n.last}, ${n.first}`,
    `${n.first} ${mi}. ${n.last}`,
    `${n.first.charAt(0)}. ${n.last}`,
    `${n.first} ${n.last}`,
    `${n.last}, ${n.first} ${mi}`,
    `${n.first} ${n.middle ?? ''} ${n.last}`.replace(/\s+/g, ' '),
    `${n.first.charAt(0)}${mi} ${n.last}`,
    `${n.last.toUpperCase()}, ${n.first}`,
    `${n.first} ${n.last}-${personLast(g)}`,
  ]);
}

const CREDENTIALS = ['MD', 'RN', 'NP', 'PA-C', 'DO', 'MSW', 'PharmD', 'BSN, RN', 'FNP-BC', 'MD, PhD', 'LPN', 'CRNA', 'DPM', 'RD'];

/** A clinician: "Dr. Last", "First Last, MD", "Last, First (attending)" ... only the name is gold. */
export function sayClinician(g: Gen, b: DocBuilder, n: NameParts = randomName(g)): void {
  const form = g.int(0, 5);
  if (form === 0) b.t(g.cue(['Dr. ', 'Dr ', 'Doctor ', 'DR. '])).p('NAME', n.last);
  else if (form === 1) b.t(g.cue(['Dr. ', 'Dr ', 'Doctor '])).p('NAME', `${n.first} ${n.last}`);
  else if (form === 2) b.p('NAME', `${n.first} ${n.last}`).t(`, ${g.pick(CREDENTIALS)}`);
  else if (form === 3) b.p('NAME', formatName(g, n)).t(` ${g.pick(CREDENTIALS)}`);
  else if (form === 4) b.p('NAME', `${n.first.charAt(0)}. ${n.last}`).t(`, ${g.pick(CREDENTIALS)}`);
  else b.p('NAME', n.last);
}

/** The patient, in a form chosen for this mention. */
export function sayPatient(g: Gen, b: DocBuilder, short = false): void {
  const p = g.patient;
  if (short) {
    const form = g.int(0, 3);
    if (form === 0) b.t(p.sex === 'female' ? g.cue(['Ms. ', 'Mrs. ', 'Ms ', 'Miss ']) : g.cue(['Mr. ', 'Mr '])).p('NAME', p.last);
    else if (form === 1) b.p('NAME', p.first);
    else if (form === 2) b.t(p.sex === 'female' ? 'Mrs. ' : 'Mr. ').p('NAME', p.last);
    else b.p('NAME', `${p.first} ${p.last}`);
    return;
  }
  b.p('NAME', formatName(g, p));
}

const RELATIONS = ['daughter', 'son', 'wife', 'husband', 'mother', 'father', 'sister', 'brother', 'niece', 'nephew', 'partner', 'granddaughter', 'grandson', 'friend', 'neighbor', 'health care proxy', 'guardian', 'caregiver', 'fiancé', 'aunt'];

export function sayRelative(g: Gen, b: DocBuilder): void {
  const rel = g.pick(RELATIONS);
  const n = randomName(g);
  const form = g.int(0, 3);
  if (form === 0) b.t(`${rel} `).p('NAME', n.first);
  else if (form === 1) b.t(`${rel} `).p('NAME', `${n.first} ${g.chance(0.5) ? g.patient.last : n.last}`);
  else if (form === 2) b.t(`${rel}, `).p('NAME', `${n.first} ${n.last}`).t(',');
  else b.p('NAME', n.first).t(` (${rel})`);
}

// ---------------------------------------------------------------- places and organisations

const REAL_CITIES: readonly [string, string, string][] = [
  ['Boston', 'MA', 'Massachusetts'], ['Springfield', 'IL', 'Illinois'], ['Portland', 'OR', 'Oregon'], ['Austin', 'TX', 'Texas'],
  ['Columbus', 'OH', 'Ohio'], ['Denver', 'CO', 'Colorado'], ['Madison', 'WI', 'Wisconsin'], ['Baltimore', 'MD', 'Maryland'],
  ['Tucson', 'AZ', 'Arizona'], ['Raleigh', 'NC', 'North Carolina'], ['Worcester', 'MA', 'Massachusetts'], ['Albany', 'NY', 'New York'],
  ['Fresno', 'CA', 'California'], ['Omaha', 'NE', 'Nebraska'], ['Savannah', 'GA', 'Georgia'], ['Duluth', 'MN', 'Minnesota'],
  ['Lowell', 'MA', 'Massachusetts'], ['Tacoma', 'WA', 'Washington'], ['Chattanooga', 'TN', 'Tennessee'], ['Burlington', 'VT', 'Vermont'],
];

export interface Place {
  street: string;
  unit?: string;
  city: string;
  state: string;
  zip: string;
}

export function randomPlace(g: Gen): Place {
  let city: string;
  let state: string;
  if (g.chance(0.4)) {
    const c = g.pick(REAL_CITIES);
    city = c[0];
    state = g.chance(0.7) ? c[1] : c[2];
  } else {
    city = g.f.location.city();
    state = g.chance(0.7) ? g.f.location.state({ abbreviated: true }) : g.f.location.state();
  }
  const place: Place = {
    street: `${g.f.location.buildingNumber()} ${g.f.location.street()}`,
    city,
    state,
    zip: g.chance(0.2) ? `${g.digits(5)}-${g.digits(4)}` : g.f.location.zipCode('#####'),
  };
  if (g.chance(0.3)) place.unit = g.f.location.secondaryAddress();
  return place;
}

/** A postal address; street, city and state are LOCATION, the ZIP is ZIP_CODE. */
export function sayAddress(g: Gen, b: DocBuilder, pl: Place = randomPlace(g), oneLine = true): void {
  b.p('LOCATION', pl.street);
  if (pl.unit) b.t(g.pick([', ', ' '])).p('LOCATION', pl.unit);
  b.t(oneLine ? ', ' : '\n').p('LOCATION', pl.city).t(', ').p('LOCATION', pl.state).t(' ').p('ZIP_CODE', pl.zip);
}

export function sayCityState(g: Gen, b: DocBuilder, pl: Place = randomPlace(g)): void {
  if (g.chance(0.08)) {
    // A county instead of a city (a geographic subdivision smaller than a state).
    b.p('LOCATION', g.f.location.county());
    b.t(', ').p('LOCATION', pl.state);
    return;
  }
  b.p('LOCATION', pl.city);
  if (g.chance(0.6)) b.t(', ').p('LOCATION', pl.state);
}

const HOSPITAL_FORMS: readonly ((g: Gen) => string)[] = [
  (g) => `${g.f.location.city()} General Hospital`,
  (g) => `St. ${g.f.person.firstName()}'s Medical Center`,
  (g) => `${g.f.person.lastName()} Memorial Hospital`,
  (g) => `${g.pick(REAL_CITIES)[0]} Regional Medical Center`,
  (g) => `${g.f.person.lastName()} Family Practice`,
  (g) => `${g.f.location.city()} Community Health Center`,
  (g) => `${g.f.person.lastName()} Rehabilitation Hospital`,
  (g) => `${g.f.location.city()} Dialysis Center`,
  (g) => `${g.f.person.lastName()}-${g.f.person.lastName()} Clinic`,
  (g) => `${g.pick(REAL_CITIES)[0]} Children's Hospital`,
  (g) => `${g.f.location.city()} Skilled Nursing Facility`,
  (g) => `${g.f.person.lastName()} Cardiology Associates`,
  (g) => `Mercy ${g.f.location.city()} Hospital`,
  (g) => `${g.f.location.city()} Urgent Care`,
  (g) => `${g.f.person.lastName()} House Hospice`,
  (g) => `University of ${g.f.location.state()} Medical Center`,
];

export function hospitalName(g: Gen): string {
  return g.cue(HOSPITAL_FORMS)(g);
}

export function employerName(g: Gen): string {
  return g.chance(0.6) ? g.f.company.name() : `${g.f.person.lastName()} ${g.pick(['Logistics', 'Construction', 'Foods', 'Elementary School', 'Manufacturing', 'Insurance Agency', 'Auto Body', 'Software'])}`;
}

// ---------------------------------------------------------------- contact

// Real NANP area codes, so phone validators that check the area code accept them.
const AREA_CODES = ['201', '212', '213', '267', '305', '312', '314', '404', '415', '503', '508', '512', '602', '612', '617', '702', '713', '718', '720', '773', '781', '804', '808', '857', '904', '919', '978', '206', '303', '410', '434', '614', '216', '317', '402', '505'];

export function phoneNumber(g: Gen): string {
  const a = g.pick(AREA_CODES);
  const ex = `${g.int(2, 9)}${g.int(0, 9)}${g.int(2, 9)}`;
  const ln = g.digits(4);
  const f = g.cue([
    `(${a}) ${ex}-${ln}`,
    `${a}-${ex}-${ln}`,
    `${a}.${ex}.${ln}`,
    `${a} ${ex} ${ln}`,
    `+1 ${a} ${ex} ${ln}`,
    `1-${a}-${ex}-${ln}`,
    `${a}${ex}${ln}`,
    `(${a})${ex}-${ln}`,
    `+1 (${a}) ${ex}-${ln}`,
    `${a}/${ex}-${ln}`,
    `${ex}-${ln}`,
    `+1-${a}-${ex}-${ln}`,
  ]);
  if (g.chance(0.08)) return `${f}${g.cue([' ext. ', ' x', ' ext ', ' X'])}${g.int(10, 9999)}`;
  if (g.chance(0.05)) return g.pick([`+44 20 7946 ${g.digits(4)}`, `+49 30 ${g.digits(8)}`, `+33 1 ${g.digits(2)} ${g.digits(2)} ${g.digits(2)} ${g.digits(2)}`, `+61 2 ${g.digits(4)} ${g.digits(4)}`]);
  return f;
}

export function sayPhone(g: Gen, b: DocBuilder, label = true): void {
  if (label) b.t(g.cue(['Phone: ', 'Tel ', 'ph ', 'Cell: ', 'call ', 'Mobile ', 'Home phone: ', 'contact # ', 'Tel.: ', 'reached at ', 'C: ', 'H: ', 'Work: ', 'pager ']));
  b.p('PHONE', phoneNumber(g));
}

export function sayFax(g: Gen, b: DocBuilder): void {
  b.t(g.cue(['Fax: ', 'fax ', 'F: ', 'Fax # ', 'FAX ', 'fax no. ', 'Facsimile: ', 'efax ']));
  b.p('FAX', phoneNumber(g));
}

export function email(g: Gen, n?: { first: string; last: string }): string {
  const ascii = (s: string): string => s.normalize('NFD').replace(/[^A-Za-z]/g, '').toLowerCase() || 'pat';
  if (n && g.chance(0.6)) {
    const dom = g.pick(['gmail.com', 'yahoo.com', 'outlook.com', 'aol.com', 'icloud.com', 'comcast.net', g.f.internet.domainName()]);
    return g.cue([`${ascii(n.first)}.${ascii(n.last)}@${dom}`, `${ascii(n.first).charAt(0)}${ascii(n.last)}${g.int(1, 99)}@${dom}`, `${ascii(n.last)}_${ascii(n.first)}@${dom}`, `${ascii(n.first)}${g.int(1950, 2005)}@${dom}`]);
  }
  return g.f.internet.email();
}

export function sayEmail(g: Gen, b: DocBuilder, n?: { first: string; last: string }): void {
  b.t(g.cue(['Email: ', 'e-mail ', 'email: ', 'E: ', 'at ', 'Email address: ', 'reply to ', 'mailto ']));
  b.p('EMAIL', email(g, n));
}

export function url(g: Gen): string {
  const host = g.pick([`mychart.${g.f.internet.domainName()}`, `portal.${g.f.internet.domainName()}`, g.f.internet.domainName(), `www.${g.f.internet.domainName()}`]);
  return g.cue([
    `https://${host}/patient/${g.digits(6)}`,
    `http://${host}/records?id=${g.digits(8)}`,
    `https://${host}/u/${g.f.internet.username().toLowerCase()}`,
    `www.${g.f.internet.domainName()}/~${g.f.person.lastName().toLowerCase()}`,
    `https://${host}/visit/${g.f.string.alphanumeric(10)}`,
    `${host}/share/${g.f.string.alphanumeric(8)}`,
  ]);
}

export function ipv4(g: Gen): string {
  const k = g.int(0, 4);
  if (k === 0) return `10.${g.int(0, 255)}.${g.int(0, 255)}.${g.int(1, 254)}`;
  if (k === 1) return `192.168.${g.int(0, 255)}.${g.int(1, 254)}`;
  if (k === 2) return `172.${g.int(16, 31)}.${g.int(0, 255)}.${g.int(1, 254)}`;
  return g.f.internet.ipv4();
}

export function ipv6(g: Gen): string {
  const full = g.f.internet.ipv6();
  if (g.chance(0.4)) {
    // Compressed form: keep the first 3 groups and the last one.
    const parts = full.split(':');
    return `${parts.slice(0, 3).join(':')}::${parts.at(-1)}`;
  }
  return full;
}

// ---------------------------------------------------------------- government and health ids

export function ssn(g: Gen): string {
  let area = g.int(1, 899);
  if (area === 666) area = 667;
  const group = g.int(1, 99);
  const serial = g.int(1, 9999);
  const [a, gr, s] = [pad(area, 3), pad(group), pad(serial, 4)];
  return g.cue([`${a}-${gr}-${s}`, `${a} ${gr} ${s}`, `${a}${gr}${s}`, `${a}-${gr}-${s}`, `${a}.${gr}.${s}`]);
}

export function saySsn(g: Gen, b: DocBuilder): void {
  b.t(g.cue(['SSN: ', 'SSN ', 'Social Security #: ', 'SS# ', 'Soc Sec No. ', 'social security number ', 'SSN#', 'S.S.N. ']));
  b.p('SSN', ssn(g));
}

export function mrn(g: Gen): string {
  return g.cue([g.digits(8), `${g.digits(3)}-${g.digits(2)}-${g.digits(2)}`, `MR${g.digits(7)}`, g.digits(7), `${g.letters(1)}${g.digits(6)}`, `${g.digits(2)}-${g.digits(6)}`, g.digits(10), `E${g.digits(9)}`]);
}

export function sayMrn(g: Gen, b: DocBuilder, value = mrn(g)): void {
  b.t(g.cue(['MRN: ', 'MRN ', 'Medical Record #: ', 'Med Rec No. ', 'MR# ', 'Hosp # ', 'Chart #: ', 'Unit No: ', 'Patient ID: ', 'MRN#', 'Record number ', 'EMRN: ']));
  b.p('MRN', value);
}

const MBI_LETTERS_EXCLUDED = 'SLOIBZ';

/** Medicare Beneficiary Identifier: C A AN N A AN N A A N N (no S L O I B Z). */
export function mbi(g: Gen): string {
  const L = (): string => g.letters(1, MBI_LETTERS_EXCLUDED);
  const D = (): string => String(g.int(0, 9));
  const AN = (): string => (g.chance(0.5) ? L() : D());
  const s = `${g.int(1, 9)}${L()}${AN()}${D()}${L()}${AN()}${D()}${L()}${L()}${D()}${D()}`;
  return g.chance(0.3) ? `${s.slice(0, 4)}-${s.slice(4, 7)}-${s.slice(7)}` : s;
}

export function memberId(g: Gen): string {
  return g.cue([`${g.letters(3)}${g.digits(9)}`, `W${g.digits(9)}`, `${g.digits(9)}-01`, `${g.letters(2)}${g.digits(7)}`, `H${g.digits(8)}`, `${g.letters(3)}-${g.digits(3)}-${g.digits(4)}`, `ZGP${g.digits(8)}`, `${g.digits(11)}`]);
}

export function sayHealthPlan(g: Gen, b: DocBuilder): void {
  if (g.chance(0.08)) {
    // Legacy Medicare HICN: SSN-like digits plus a beneficiary code letter.
    b.t(g.cue(['HICN ', 'Medicare claim # ', 'HIC no. ', 'Medicare HICN: ']));
    b.p('HEALTH_PLAN_ID', `${g.digits(9)}${g.pick(['A', 'B', 'C1', 'D', 'T'])}`);
    return;
  }
  if (g.chance(0.35)) {
    b.t(g.cue(['Medicare MBI: ', 'MBI ', 'Medicare ID: ', 'Medicare # ', 'Beneficiary ID ', 'MBI#']));
    b.p('HEALTH_PLAN_ID', mbi(g));
    return;
  }
  b.t(g.cue(['Member ID: ', 'Member # ', 'Subscriber ID: ', 'Policy #: ', 'Ins ID ', 'Medicaid ID: ', 'Health plan no. ', 'ID#: ', 'Member No ', 'Plan member number ']));
  b.p('HEALTH_PLAN_ID', memberId(g));
}

export function sayAccount(g: Gen, b: DocBuilder): void {
  b.t(g.cue(['Account #: ', 'Acct ', 'Patient account no. ', 'Billing acct: ', 'Acct#', 'Account number ', 'Guarantor acct ', 'Invoice account ', 'HAR ', 'Visit account: ', 'FIN: ', 'CSN ', 'Encounter # ', 'Financial no. ']));
  b.p('ACCOUNT_NUMBER', g.cue([g.digits(10), `${g.digits(4)}-${g.digits(6)}`, `A${g.digits(8)}`, g.digits(12), `${g.digits(3)}-${g.digits(3)}-${g.digits(3)}`, `${g.letters(2)}${g.digits(9)}`]));
}

/** DEA registration: 2 letters + 7 digits, the last a check digit. */
export function dea(g: Gen, last: string): string {
  const first = g.pick(['A', 'B', 'F', 'G', 'M', 'P', 'R']);
  const second = /^[A-Za-z]/.test(last) ? last.charAt(0).toUpperCase() : 'X';
  const six = g.digits(6);
  return `${first}${second}${six}${deaCheckDigit(six)}`;
}

export function sayLicense(g: Gen, b: DocBuilder, last = g.f.person.lastName()): void {
  const k = g.int(0, 3);
  if (k === 0) {
    b.t(g.cue(['DEA #: ', 'DEA ', 'DEA No. ', 'DEA reg ', 'DEA#', 'DEA registration: ']));
    b.p('LICENSE_NUMBER', dea(g, last));
  } else if (k === 1) {
    b.t(g.cue(["Driver's license: ", 'DL# ', 'Drivers Lic No. ', 'driver license ', 'DL: ', 'State ID card ']));
    b.p('LICENSE_NUMBER', g.cue([`${g.letters(1)}${g.digits(7)}`, g.digits(9), `${g.letters(1)}${g.digits(3)}-${g.digits(4)}-${g.digits(4)}`, `${g.letters(2)}${g.digits(6)}`, `${g.digits(3)} ${g.digits(3)} ${g.digits(3)}`]));
  } else if (k === 2) {
    b.t(g.cue(['Medical license #: ', 'Lic. ', 'State license ', 'RN license no. ', 'License #', 'Board cert # ', 'Prof. license: ', 'CSR ']));
    b.p('LICENSE_NUMBER', g.cue([`MD${g.digits(6)}`, `${g.digits(7)}`, `RN${g.digits(7)}`, `${g.letters(1)}-${g.digits(5)}`, `${g.digits(2)}-${g.digits(6)}`, `LIC${g.digits(6)}`]));
  } else {
    b.t(g.cue(['certificate no. ', 'Cert # ', 'certification number ', 'permit # ']));
    b.p('LICENSE_NUMBER', `${g.letters(2)}-${g.digits(6)}`);
  }
}

/** NPI: first digit 1 or 2, Luhn over 80840 + 9 digits. */
export function npi(g: Gen): string {
  const nine = `${g.int(1, 2)}${g.digits(8)}`;
  return `${nine}${npiCheckDigit(nine)}`;
}

export function sayNpi(g: Gen, b: DocBuilder): void {
  b.t(g.cue(['NPI: ', 'NPI ', 'NPI# ', 'National Provider ID: ', 'NPI number ', 'Provider NPI ']));
  b.p('NPI', npi(g));
}

// ---------------------------------------------------------------- vehicles and devices

const VIN_CHARS = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789';

export function vin(g: Gen): string {
  const chars: string[] = [];
  for (let i = 0; i < 17; i++) chars.push(VIN_CHARS.charAt(g.int(0, VIN_CHARS.length - 1)));
  chars[9] = 'ABCDEFGHJKLMNPRSTVWXY123456789'.charAt(g.int(0, 29)); // model year code
  const v = chars.join('');
  return `${v.slice(0, 8)}${vinCheckChar(v)}${v.slice(9)}`;
}

export function sayVehicle(g: Gen, b: DocBuilder): void {
  if (g.chance(0.5)) {
    b.t(g.cue(['VIN ', 'VIN: ', 'vehicle identification number ', 'VIN#', 'Vehicle ID: ', 'chassis no. ']));
    b.p('VEHICLE_ID', vin(g));
  } else {
    b.t(g.cue(['license plate ', 'plate # ', 'tag ', 'plate: ', 'Lic plate ', 'registration ', 'plate number ', 'tags ']));
    b.p('VEHICLE_ID', g.cue([`${g.int(1, 9)}${g.letters(3)}${g.digits(3)}`, `${g.letters(3)}-${g.digits(4)}`, `${g.letters(3)} ${g.digits(3)}`, `${g.digits(3)}-${g.letters(3)}`, `${g.letters(2)}${g.digits(5)}`, `${g.letters(1)}${g.digits(2)} ${g.letters(3)}`]));
  }
}

export function udi(g: Gen): string {
  const gtin = `0${g.digits(12)}`;
  const gtin14 = `${gtin}${luhnCheckDigit(gtin)}`.slice(0, 14);
  const exp = `${g.int(24, 30)}${pad(g.int(1, 12))}${pad(g.int(1, 28))}`;
  return g.cue([`(01)${gtin14}(17)${exp}(10)${g.f.string.alphanumeric(7).toUpperCase()}(21)${g.digits(8)}`, `01${gtin14}17${exp}10${g.digits(6)}`, `+H${g.f.string.alphanumeric(4).toUpperCase()}${g.digits(6)}/$$${g.digits(7)}`]);
}

export function sayDevice(g: Gen, b: DocBuilder): void {
  const k = g.int(0, 2);
  if (k === 0) {
    b.t(g.cue(['UDI: ', 'UDI ', 'Unique device identifier ', 'UDI-DI/PI ']));
    b.p('DEVICE_ID', udi(g));
  } else {
    b.t(g.cue(['serial number ', 'S/N ', 'SN: ', 'serial # ', 'Serial No. ', 'device serial ', 'SN#', 'ser. ']));
    b.p('DEVICE_ID', g.cue([`${g.letters(3)}${g.digits(6)}${g.letters(1)}`, `${g.digits(2)}${g.letters(2)}-${g.digits(5)}`, `${g.letters(2)}${g.digits(8)}`, `${g.digits(10)}`, `${g.letters(1)}${g.digits(4)}-${g.letters(2)}${g.digits(3)}`]));
  }
}

export function sayBiometric(g: Gen, b: DocBuilder): void {
  b.t(g.cue(['fingerprint template ID ', 'Retinal scan ID: ', 'voiceprint ref ', 'palm vein ID ', 'Biometric ID: ', 'face template # ', 'iris code ', 'fingerprint hash ']));
  b.p('BIOMETRIC_ID', g.cue([`FP-${g.f.string.hexadecimal({ length: 12, casing: 'upper', prefix: '' })}`, `${g.f.string.hexadecimal({ length: 32, casing: 'lower', prefix: '' })}`, `BIO${g.digits(9)}`, `VP-${g.digits(4)}-${g.f.string.alphanumeric(6).toUpperCase()}`, `${g.f.string.uuid()}`]));
}

export function sayOtherId(g: Gen, b: DocBuilder): void {
  if (g.chance(0.12)) {
    b.t(g.cue(['Passport No. ', 'passport # ', 'Passport: ', 'travel document ']));
    b.p('OTHER_ID', g.chance(0.6) ? g.digits(9) : `${g.letters(1)}${g.digits(8)}`);
    return;
  }
  const k = g.int(0, 4);
  const cues = [
    ['Study ID: ', 'Subject # ', 'Research participant ', 'Protocol subject ID '],
    ['Accession #: ', 'Accession ', 'Specimen ID ', 'Lab accession no. '],
    ['Employee ID: ', 'Badge # ', 'Staff ID ', 'Emp no. '],
    ['Claim #: ', 'Case number ', 'Claim no. ', 'Incident # '],
    ['Prior auth #: ', 'Authorization no. ', 'Referral # ', 'PA number ', 'Donor ID ', 'Transplant ID: ', 'Registry # ', 'Case ID: '],
  ][k] as string[];
  b.t(g.cue(cues));
  b.p('OTHER_ID', g.cue([`${g.letters(2)}-${g.digits(4)}-${g.digits(3)}`, `${g.letters(1)}${g.digits(2)}-${g.digits(6)}`, `${g.digits(4)}${g.letters(2)}${g.digits(4)}`, `${g.int(2015, 2025)}-${g.digits(5)}`, `${g.letters(3)}${g.digits(7)}`]));
}

// ---------------------------------------------------------------- payment

export function creditCard(g: Gen): string {
  const kind = g.int(0, 3);
  let payload: string;
  if (kind === 0) payload = `4${g.digits(14)}`;
  else if (kind === 1) payload = `5${g.int(1, 5)}${g.digits(13)}`;
  else if (kind === 2) payload = `3${g.pick(['4', '7'])}${g.digits(12)}`;
  else payload = `6011${g.digits(11)}`;
  const n = `${payload}${luhnCheckDigit(payload)}`;
  const sep = g.cue([' ', '-', '', ' ']);
  if (n.length === 15) return sep ? `${n.slice(0, 4)}${sep}${n.slice(4, 10)}${sep}${n.slice(10)}` : n;
  return sep ? (n.match(/.{4}/g) ?? []).join(sep) : n;
}

export function sayCard(g: Gen, b: DocBuilder): void {
  b.t(g.cue(['Card number: ', 'CC# ', 'Visa ending ', 'credit card ', 'Card: ', 'card no. ', 'paid with card ', 'Payment card ']));
  b.p('CREDIT_CARD', creditCard(g));
}

const IBAN_COUNTRIES: readonly [string, (g: Gen) => string][] = [
  ['DE', (g) => g.digits(18)],
  ['GB', (g) => `${g.letters(4)}${g.digits(14)}`],
  ['FR', (g) => `${g.digits(10)}${g.f.string.alphanumeric(11).toUpperCase()}${g.digits(2)}`],
  ['NL', (g) => `${g.letters(4)}${g.digits(10)}`],
  ['ES', (g) => g.digits(20)],
  ['IE', (g) => `${g.letters(4)}${g.digits(14)}`],
  ['IT', (g) => `${g.letters(1)}${g.digits(10)}${g.digits(12)}`],
  ['CH', (g) => g.digits(17)],
];

export function iban(g: Gen): string {
  const [country, bbanFn] = g.pick(IBAN_COUNTRIES);
  const bban = bbanFn(g);
  const s = `${country}${ibanCheckDigits(country, bban)}${bban}`;
  return g.chance(0.6) ? (s.match(/.{1,4}/g) ?? []).join(' ') : s;
}

export function sayIban(g: Gen, b: DocBuilder): void {
  b.t(g.cue(['IBAN: ', 'IBAN ', 'bank account (IBAN) ', 'refund to IBAN ', 'IBAN#', 'International bank account ']));
  b.p('IBAN', iban(g));
}

export function sayIp(g: Gen, b: DocBuilder): void {
  b.t(g.cue(['from IP ', 'IP address ', 'client ', 'src=', 'login from ', 'remote addr ', 'IP: ', 'host ']));
  b.p('IP_ADDRESS', g.chance(0.35) ? ipv6(g) : ipv4(g));
}

export function sayUrl(g: Gen, b: DocBuilder): void {
  b.t(g.cue(['', 'link: ', 'see ', 'URL ', 'visit ', 'at ']));
  b.p('URL', url(g));
}

export function sayAge(g: Gen, b: DocBuilder): void {
  const age = String(g.int(90, 106));
  const k = g.int(0, 6);
  if (k === 0) b.p('AGE', age).t(g.cue([' year old', '-year-old', ' y/o', ' yo', ' YO', ' yr old', 'yo', ' years of age']));
  else if (k === 1) b.t(g.cue(['age ', 'Age: ', 'aged ', 'AGE '])).p('AGE', age);
  else if (k === 2) b.p('AGE', age).t(g.cue(['F', 'M', ' F', ' M']));
  else if (k === 3) b.t('a ').p('AGE', age).t('-year-old');
  else if (k === 4) b.t('who is ').p('AGE', age).t(' years old');
  else if (k === 5) b.p('AGE', age).t(' yo ').t(g.patient.sex === 'female' ? 'female' : 'male');
  else b.t('(').p('AGE', age).t(g.cue([' y)', 'y)', ' yrs)']));
}
