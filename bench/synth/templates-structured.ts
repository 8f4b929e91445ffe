/**
 * More document kinds, mostly structured or informal: HL7 v2 messages, FHIR-style JSON, CSV
 * extracts, e-mail threads, text messages, LLM prompts that carry a note, operative notes. They
 * put identifiers in positions the narrative templates never do (delimited fields, JSON values,
 * table cells), which is where a held-out corpus is most likely to differ from ours.
 */
import type { DocBuilder } from './builder.js';
import { DRUGS, dose, filler, negative } from './filler.js';
import type { Gen } from './gen.js';
import {
  email,
  employerName,
  hospitalName,
  mrn,
  npi,
  phoneNumber,
  randomName,
  randomPlace,
  sayAddress,
  sayAge,
  sayClinician,
  sayDate,
  sayDevice,
  sayHealthPlan,
  sayMrn,
  sayPatient,
  sayPhone,
  sayRelative,
  ssn,
} from './values.js';

type Template = (g: Gen, b: DocBuilder) => void;

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
const hl7Date = (d: Date, time: boolean): string =>
  `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}${time ? `${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}` : ''}`;
const isoDate = (d: Date): string => d.toISOString().slice(0, 10);
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export const hl7: Template = (g, b) => {
  const p = g.patient;
  const when = g.date(2018, 2025);
  const fac = hospitalName(g);
  b.t('MSH|^~\\&|EPIC|').p('ORGANIZATION', fac.toUpperCase()).t('|LAB|LAB|').p('DATE', hl7Date(when, true)).t(`||ADT^A0${g.int(1, 8)}|MSG${g.int(10000, 99999)}|P|2.5.1\r`);
  b.t('PID|1||').p('MRN', mrn(g).replace(/\D/g, '') || g.digits(8)).t('^^^').t(g.pick(['MRN', 'HOSP', 'EPI'])).t('^MR||');
  b.p('NAME', `${p.last.toUpperCase()}^${p.first.toUpperCase()}^${p.middle.charAt(0).toUpperCase()}`).t('||');
  b.p('DATE', hl7Date(p.dob, false)).t(`|${p.sex === 'female' ? 'F' : 'M'}|||`);
  const pl = randomPlace(g);
  b.p('LOCATION', pl.street.toUpperCase()).t('^^').p('LOCATION', pl.city.toUpperCase()).t('^').p('LOCATION', pl.state.toUpperCase()).t('^').p('ZIP_CODE', pl.zip).t('||');
  b.p('PHONE', phoneNumber(g)).t('|||||').p('ACCOUNT_NUMBER', g.digits(10)).t('|').p('SSN', ssn(g)).t('\r');
  if (g.chance(0.6)) {
    const rel = randomName(g);
    b.t('NK1|1|').p('NAME', `${rel.last.toUpperCase()}^${rel.first.toUpperCase()}`).t(`|${g.pick(['SPO', 'DAU', 'SON', 'MTH'])}|`);
    b.t('|').p('PHONE', phoneNumber(g)).t('\r');
  }
  const doc = randomName(g);
  b.t(`PV1|1|I|${g.pick(['MICU', '4W', 'CCU', 'ED'])}^${g.int(100, 499)}^${g.int(1, 2)}||||`).p('NPI', npi(g)).t('^').p('NAME', `${doc.last.toUpperCase()}^${doc.first.toUpperCase()}`).t('^^^^MD|||||||||||V').p('ACCOUNT_NUMBER', g.digits(9)).t('\r');
  for (let i = 0; i < g.int(1, 3); i++) b.t(`OBX|${i + 1}|NM|${g.int(1000, 9999)}-${g.int(0, 9)}^${g.pick(['GLUCOSE', 'SODIUM', 'WBC', 'HGB', 'CREATININE'])}||${g.int(1, 200)}|${g.pick(['mg/dL', 'mmol/L', 'K/uL', 'g/dL'])}|||||F\r`);
  b.t('\n');
};

export const fhir: Template = (g, b) => {
  const p = g.patient;
  const pl = randomPlace(g);
  const q = (s: string): string => JSON.stringify(s).slice(1, -1);
  b.t('{\n  "resourceType": "Patient",\n  "id": "').p('OTHER_ID', g.f.string.uuid()).t('",\n');
  b.t('  "identifier": [{ "system": "urn:oid:2.16.840.1.113883.19.5", "type": "MR", "value": "').p('MRN', mrn(g)).t('" }],\n');
  b.t('  "name": [{ "family": "').p('NAME', q(p.last)).t('", "given": ["').p('NAME', q(p.first)).t('"] }],\n');
  b.t(`  "gender": "${p.sex}",\n  "birthDate": "`).p('DATE', isoDate(p.dob)).t('",\n');
  b.t('  "telecom": [{ "system": "phone", "value": "').p('PHONE', phoneNumber(g)).t('" }, { "system": "email", "value": "').p('EMAIL', email(g, p)).t('" }],\n');
  b.t('  "address": [{ "line": ["').p('LOCATION', q(pl.street)).t('"], "city": "').p('LOCATION', q(pl.city)).t('", "state": "').p('LOCATION', q(pl.state)).t('", "postalCode": "').p('ZIP_CODE', pl.zip).t('" }],\n');
  b.t('  "managingOrganization": { "display": "').p('ORGANIZATION', q(hospitalName(g))).t('" },\n');
  b.t(`  "extension": [{ "url": "http://hl7.org/fhir/StructureDefinition/patient-birthPlace", "valueString": "`).p('LOCATION', q(randomPlace(g).city)).t('" }],\n');
  b.t(`  "meta": { "versionId": "${g.int(1, 9)}", "lastUpdated": "`).p('DATE', `${new Date(g.date(2020, 2025)).toISOString()}`).t('" },\n');
  b.t(`  "text": { "status": "generated", "div": "${q(negative(g))}" }\n}\n`);
};

export const csv: Template = (g, b) => {
  const cols = g.pick([
    ['name', 'dob', 'mrn', 'phone', 'zip', 'dx'],
    ['patient_name', 'date_of_birth', 'medical_record_number', 'email', 'city', 'icd10'],
    ['Last', 'First', 'DOB', 'MRN', 'Phone', 'Visit'],
  ] as const);
  b.t(cols.join(g.terse ? '\t' : ','), '\n');
  const delim = g.terse ? '\t' : ',';
  for (let i = 0; i < g.int(3, 8); i++) {
    g.newPatient();
    const p = g.patient;
    cols.forEach((c, k) => {
      if (k > 0) b.t(delim);
      if (c === 'name' || c === 'patient_name') b.t('"').p('NAME', `${p.last}, ${p.first}`).t('"');
      else if (c === 'Last') b.p('NAME', p.last);
      else if (c === 'First') b.p('NAME', p.first);
      else if (c === 'dob' || c === 'date_of_birth' || c === 'DOB') sayDate(g, b, p.dob);
      else if (c === 'Visit') sayDate(g, b, g.date(2019, 2025), { time: 0.3 });
      else if (c === 'mrn' || c === 'medical_record_number' || c === 'MRN') b.p('MRN', mrn(g));
      else if (c === 'phone' || c === 'Phone') b.p('PHONE', phoneNumber(g));
      else if (c === 'zip') b.p('ZIP_CODE', randomPlace(g).zip);
      else if (c === 'email') b.p('EMAIL', email(g, p));
      else if (c === 'city') b.p('LOCATION', randomPlace(g).city);
      else b.t(g.pick(['E11.9', 'I10', 'J44.1', 'N18.3', 'F32.9', 'Z79.4']));
    });
    b.t('\n');
  }
};

export const mail: Template = (g, b) => {
  const doc = randomName(g);
  const when = g.date(2019, 2025);
  b.t('From: ').p('NAME', `${doc.first} ${doc.last}`).t(' <').p('EMAIL', email(g, doc)).t('>\n');
  b.t('To: ').p('NAME', `${g.patient.first} ${g.patient.last}`).t(' <').p('EMAIL', email(g, g.patient)).t('>\n');
  if (g.chance(0.5)) b.t('Cc: ').p('EMAIL', email(g)).t('\n');
  b.t(`Date: ${WEEKDAYS[when.getUTCDay()]}, `).p('DATE', `${when.getUTCDate()} ${MON[when.getUTCMonth()]} ${when.getUTCFullYear()} ${pad(when.getUTCHours())}:${pad(when.getUTCMinutes())}:${pad(when.getUTCSeconds())} -0${g.int(4, 8)}00`).t('\n');
  b.t('Subject: ', g.pick(['Your test results', 'Appointment follow-up', 'Re: refill request', 'Records request', 'FW: referral']), '\n\n');
  b.t(g.pick(['Hi ', 'Dear ', 'Hello '])).p('NAME', g.patient.first).t(',\n\n');
  b.t(filler(g, 2), ' Your next appointment is on ');
  sayDate(g, b, new Date(when.getTime() + g.int(3, 40) * 86_400_000), { time: 0.6 });
  b.t(' at our ').p('LOCATION', randomPlace(g).city).t(' office (');
  sayAddress(g, b);
  b.t('). ');
  b.t(g.pick(['Please bring your insurance card; ', 'We have on file ']));
  sayHealthPlan(g, b);
  b.t('.\n\n');
  b.t('On ');
  sayDate(g, b, when, { partial: true });
  b.t(', ').p('NAME', `${g.patient.first} ${g.patient.last}`).t(' wrote:\n> ', g.pick(['can you send my records to my new doctor', 'i still have pain after the procedure', 'is it ok to take', 'my insurance changed']), ` ${g.pick(DRUGS)}?\n\n`);
  b.t('Best,\n').p('NAME', `${doc.first} ${doc.last}`).t(`, ${g.pick(['MD', 'RN', 'Care Coordinator', 'NP'])}\n`).p('ORGANIZATION', hospitalName(g)).t('\n');
  sayPhone(g, b);
  b.t('\n');
};

export const sms: Template = (g, b) => {
  const rel = randomName(g);
  const lines: ((g: Gen, b: DocBuilder) => void)[] = [
    (g, b) => b.t('hey its ').p('NAME', rel.first).t(', ').t(g.pick(['my mom', 'my dad', 'my grandma', 'my husband'])).t(' ').p('NAME', `${g.patient.first} ${g.patient.last}`).t(' ').t(g.pick(['fell again', 'is confused today', 'has a fever', 'ran out of meds'])),
    (g, b) => b.t('can u call me back ').p('PHONE', phoneNumber(g)),
    (g, b) => {
      b.t('appt is ');
      sayDate(g, b, g.date(2022, 2025), { partial: true, time: 0.7 });
      b.t(' right?');
    },
    (g, b) => {
      b.t('we moved to ');
      sayAddress(g, b);
    },
    (g, b) => b.t('shes on ', dose(g), ' still'),
    (g, b) => {
      b.t('pharmacy is the ').p('ORGANIZATION', `${g.pick(['CVS', 'Walgreens', 'Kroger'])} on ${g.f.location.street()}`).t(' in ').p('LOCATION', randomPlace(g).city);
    },
    (g, b) => {
      b.t('dr ').p('NAME', g.f.person.lastName()).t(' said ', filler(g, 1).toLowerCase());
    },
    (g, b) => {
      b.t('her dob is ');
      sayDate(g, b, g.patient.dob);
      b.t(' and ');
      sayMrn(g, b);
    },
    (g, b) => {
      b.t('she is ');
      sayAge(g, b);
      b.t(' now');
    },
    (g, b) => b.t('email me at ').p('EMAIL', email(g, rel)),
  ];
  const n = g.int(3, 7);
  for (let i = 0; i < n; i++) {
    const when = g.date(2023, 2025);
    b.t('[').p('DATE', `${when.getUTCMonth() + 1}/${when.getUTCDate()}/${when.getUTCFullYear() % 100} ${((when.getUTCHours() + 11) % 12) + 1}:${pad(when.getUTCMinutes())} ${when.getUTCHours() < 12 ? 'AM' : 'PM'}`).t('] ');
    b.t(i % 2 === 0 ? g.pick(['Patient', 'Caller', 'Family']) : g.pick(['Clinic', 'RN', 'Front desk']), ': ');
    g.pick(lines)(g, b);
    b.t('\n');
  }
};

export const prompt: Template = (g, b) => {
  const k = g.int(0, 3);
  if (k === 0) {
    b.t(g.pick(['Summarize the following note for ', 'Please summarize this discharge note for ', 'TL;DR this for ', 'Write a patient-friendly summary for ']));
    b.p('NAME', `${g.patient.first} ${g.patient.last}`).t(' (');
    sayMrn(g, b);
    b.t(', DOB ');
    sayDate(g, b, g.patient.dob);
    b.t('):\n\n"""\n', filler(g, 3), ' ');
    sayRelative(g, b);
    b.t(' at bedside. ', filler(g, 2), '\n"""\n');
  } else if (k === 1) {
    b.t('Draft a letter to ');
    sayClinician(g, b);
    b.t(' at ').p('ORGANIZATION', hospitalName(g)).t(' (');
    sayAddress(g, b);
    b.t(') explaining that my patient ');
    sayPatient(g, b);
    b.t(` needs prior authorization for ${g.pick(DRUGS)}. Her `);
    sayHealthPlan(g, b);
    b.t('. Keep it under 200 words.\n');
  } else if (k === 2) {
    b.t('You are a helpful medical scribe. Convert to SOAP format:\n');
    b.t('pt ').p('NAME', g.patient.last.toLowerCase()).t(', ');
    if (g.chance(0.5)) sayAge(g, b);
    else b.t(`${g.int(20, 89)}`);
    b.t(' y/o, seen ');
    sayDate(g, b, g.date(2023, 2025), { partial: true });
    b.t(' for ', g.pick(['cough', 'rash', 'knee pain', 'f/u DM']), '. ', negative(g), '. ', negative(g), '. callback ');
    sayPhone(g, b, false);
    b.t('\n');
  } else {
    b.t('Extract the medications from this message and reply in JSON.\n\nMessage from ');
    b.p('EMAIL', email(g, g.patient));
    b.t(': "Hi, this is ');
    b.p('NAME', g.patient.first);
    b.t(`, I take ${dose(g)} and my cardiologist `);
    sayClinician(g, b);
    b.t(' added ', g.pick(DRUGS), '. I work nights at ').p('ORGANIZATION', employerName(g)).t('."\n');
  }
};

export const operative: Template = (g, b) => {
  b.t(g.cue(['OPERATIVE REPORT', 'Operative Note', 'BRIEF OP NOTE', 'Procedure Note', 'OP NOTE', 'Surgical report']), '\n');
  b.t('Date of surgery: ');
  sayDate(g, b, g.date(2015, 2025));
  b.t('\nPatient: ');
  sayPatient(g, b);
  b.t('  ');
  sayMrn(g, b);
  b.t('\nSurgeon: ');
  sayClinician(g, b);
  b.t('\nAssistant: ');
  sayClinician(g, b);
  b.t('\nAnesthesia: ', g.pick(['general', 'MAC', 'spinal']), ', ');
  sayClinician(g, b);
  b.t('\nProcedure: ', g.pick(['laparoscopic cholecystectomy', 'right total knee arthroplasty', 'Whipple procedure', 'CABG x3', 'ORIF left wrist', 'dual-chamber pacemaker placement']), ' (CPT ', g.pick(['47562', '27447', '48150', '33533', '25607', '33208']), ')\n');
  b.t('EBL ', String(g.int(5, 900)), ' mL. ', negative(g), '. Implant: ');
  sayDevice(g, b);
  b.t(`, lot ${g.letters(1)}${g.digits(5)}.\n`);
  b.t('Findings: ', filler(g, 2), '\nDisposition: PACU in stable condition; ');
  sayRelative(g, b);
  b.t(' updated in the waiting room.\n');
};

export const STRUCTURED_TEMPLATES = { hl7, fhir, csv, mail, sms, prompt, operative } as const;
