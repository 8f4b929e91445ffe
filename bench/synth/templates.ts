/**
 * Document templates: one function per kind of clinical document, each writing header fields,
 * narrative and PHI-free clinical filler into a builder. Templates pick phrasing by register
 * (`g.terse`) and draw cue words and formats through `g.cue` so the dev/holdout split applies.
 */
import type { DocBuilder } from './builder.js';
import { DRUGS, dose, filler, negative } from './filler.js';
import type { Gen } from './gen.js';
import { STRUCTURED_TEMPLATES } from './templates-structured.js';
import {
  email,
  employerName,
  hospitalName,
  randomName,
  randomPlace,
  sayAccount,
  sayAddress,
  sayAge,
  sayBiometric,
  sayCard,
  sayCityState,
  sayClinician,
  sayDate,
  sayDevice,
  sayEmail,
  sayFax,
  sayHealthPlan,
  sayIban,
  sayIp,
  sayLicense,
  sayMrn,
  sayNpi,
  sayOtherId,
  sayPatient,
  sayPhone,
  sayRelative,
  saySsn,
  sayUrl,
  sayVehicle,
} from './values.js';

export const DOC_KINDS = [
  'nursing',
  'discharge',
  'referral',
  'lab',
  'billing',
  'portal',
  'radiology',
  'triage',
  'prescription',
  'telehealth',
  'progress',
  'device',
  'audit',
  'research',
  'incident',
  'payment',
  'homehealth',
  'transfer',
  'hl7',
  'fhir',
  'csv',
  'mail',
  'sms',
  'prompt',
  'operative',
] as const;

export type DocKind = (typeof DOC_KINDS)[number];

type Template = (g: Gen, b: DocBuilder) => void;

const sep = (g: Gen): string => g.cue([': ', ' - ', ':  ', ' ', ': ']);

function header(g: Gen, b: DocBuilder, title: string): Date {
  const when = g.date(2014, 2025);
  b.t(title);
  if (g.chance(0.7)) {
    b.t(g.cue([' - ', '\n', ' | ', '\n\n']));
    sayDate(g, b, when, { time: 0.4 });
  }
  b.nl();
  return when;
}

function patientLine(g: Gen, b: DocBuilder): void {
  b.t(g.cue(['Patient: ', 'Name: ', 'Pt: ', 'PATIENT NAME: ', 'Patient name: ', 'RE: ', 'Pt name ', 'Client: ']));
  sayPatient(g, b);
  if (g.chance(0.7)) {
    const cue = g.cue(['  DOB: ', ', DOB ', '  D.O.B. ', '; born ', '  Date of birth: ', ' (DOB ', '  Birthdate: ', ' dob ']);
    b.t(cue);
    sayDate(g, b, g.patient.dob);
    if (cue.includes('(')) b.t(')');
  }
  if (g.chance(0.7)) {
    b.t('  ');
    sayMrn(g, b);
  }
  b.nl();
}

function signature(g: Gen, b: DocBuilder): void {
  b.t(g.cue(['\nSigned: ', '\n-- ', '\nElectronically signed by ', '\nDictated by ', '\n', '\nAttending: ', '\nRN: ', '\nCosigned: ']));
  sayClinician(g, b);
  if (g.chance(0.4)) {
    b.t(' ');
    sayDate(g, b, g.date(2014, 2025), { time: 0.6 });
  }
  if (g.chance(0.25)) {
    b.t(g.cue([' pager ', ' beeper ', ' x', ' pgr ']));
    b.p('PHONE', String(g.int(1000, 99999)));
  }
  b.nl();
}

const nursing: Template = (g, b) => {
  const when = header(g, b, g.cue(['NURSING PROGRESS NOTE', 'Nursing Note', 'RN NOTE', 'Nsg note', 'Shift note 7a-7p', 'NPN', 'Nursing Assessment']));
  if (g.terse) {
    b.t(g.pick(['O: ', 'S/O: ', '']));
    if (g.chance(0.4)) sayAge(g, b);
    else b.t(`${g.int(40, 89)} yo`);
    b.t(` ${g.pick(['admitted', 'adm', 'transferred'])} from `).p('ORGANIZATION', hospitalName(g)).t('; ');
    b.t(filler(g, 3), ' ');
    sayPartialDate(g, b, when);
    b.t(` ${g.pick(['found by', 'seen by', 'visited by', 'called'])} `);
    sayRelative(g, b);
    b.t('; ', filler(g, 2), '\n');
    b.t(g.pick(['A: ', 'Assess: '])).t(filler(g, 2), '\n');
    b.t(g.pick(['P: ', 'Plan: '])).t(`f/u with `);
    sayClinician(g, b);
    b.t('; ', filler(g, 1), '\n');
  } else {
    sayPatient(g, b, true);
    b.t(' is a ');
    if (g.chance(0.3)) {
      b.t('patient ');
      sayAge(g, b);
    } else b.t(`${g.int(30, 89)} year old ${g.patient.sex === 'female' ? 'woman' : 'man'}`);
    b.t(' admitted on ');
    sayDate(g, b, when, { partial: g.chance(0.5) });
    b.t(' from ').p('ORGANIZATION', hospitalName(g)).t(' in ');
    sayCityState(g, b);
    b.t('. ', filler(g, 3), '\n');
    b.t('Family: ');
    sayRelative(g, b);
    b.t(' visited and can be reached at ');
    sayPhone(g, b, false);
    b.t('. ', filler(g, 2), '\n');
    b.t('Plan: continue current regimen; page ');
    sayClinician(g, b);
    b.t(' with changes. ', filler(g, 1), '\n');
  }
  signature(g, b);
};

function sayPartialDate(g: Gen, b: DocBuilder, d: Date): void {
  sayDate(g, b, d, { partial: true });
}

const discharge: Template = (g, b) => {
  const adm = header(g, b, g.cue(['DISCHARGE SUMMARY', 'Discharge Summary', 'D/C SUMMARY', 'Hospital Course and Discharge', 'DISCHARGE NOTE', 'Discharge summary']));
  patientLine(g, b);
  b.t(g.cue(['Admission Date: ', 'Admitted: ', 'Date of admission: ', 'ADM: ']));
  sayDate(g, b, adm);
  b.t(g.cue(['   Discharge Date: ', '\nDischarged: ', '  D/C date: ', '\nDate of discharge: ']));
  sayDate(g, b, new Date(adm.getTime() + g.int(1, 20) * 86_400_000));
  b.nl();
  b.t('Attending: ');
  sayClinician(g, b);
  b.t(g.chance(0.5) ? '  ' : '\n');
  sayNpi(g, b);
  b.nl(2);
  b.t(g.terse ? 'HPI: ' : 'History of Present Illness: ');
  if (g.chance(0.5)) {
    sayAge(g, b);
    b.t(' ');
  }
  b.t(filler(g, 3), ' ');
  b.t(g.terse ? 's/p CABG ' : 'She had a CABG in ');
  b.p('DATE', String(g.int(1985, 2020)));
  b.t(' at ').p('ORGANIZATION', hospitalName(g)).t('. ');
  b.t(filler(g, 2), '\n\n');
  b.t('Hospital Course: ', filler(g, 3), ' ', filler(g, 2), '\n\n');
  b.t('Discharge Medications: ', `${dose(g)}; ${dose(g)}; ${negative(g)}\n`);
  b.t('Disposition: home with ');
  sayRelative(g, b);
  b.t(' at ');
  sayAddress(g, b);
  b.t('.\n');
  b.t(g.cue(['Follow-up: ', 'F/u: ', 'Follow up with ', 'Appointments: ']));
  sayClinician(g, b);
  b.t(' on ');
  sayDate(g, b, new Date(adm.getTime() + g.int(21, 60) * 86_400_000), { partial: g.chance(0.5), time: 0.5 });
  b.t(', ');
  sayPhone(g, b);
  b.nl();
  signature(g, b);
};

const referral: Template = (g, b) => {
  const clinic = hospitalName(g);
  b.p('ORGANIZATION', clinic).nl();
  sayAddress(g, b, randomPlace(g), g.chance(0.5));
  b.nl();
  sayPhone(g, b);
  b.t('  ');
  sayFax(g, b);
  b.nl(2);
  sayDate(g, b, g.date(2015, 2025));
  b.nl(2);
  b.t(g.cue(['Dear Dr. ', 'Dear Doctor ', 'Dear Dr ', 'To Dr. ']));
  b.p('NAME', g.f.person.lastName()).t(',\n\n');
  b.t(g.cue(['Thank you for seeing ', 'I am referring ', 'Re: my patient ', 'Referral for ']));
  sayPatient(g, b);
  const dobCue = g.cue([' (DOB ', ', born ', ', date of birth ', ' (born ']);
  b.t(dobCue);
  sayDate(g, b, g.patient.dob);
  b.t(dobCue.includes('(') ? ')' : '', ' for evaluation of ', g.pick(['chest pain', 'CKD', 'memory loss', 'tremor', 'dyspnea', 'a breast mass']), '. ');
  b.t(filler(g, 3), ' ');
  b.t(g.pick(['She', 'He', 'The patient']), ' works at ').p('ORGANIZATION', employerName(g)).t(' and lives in ');
  sayCityState(g, b);
  b.t('. ', filler(g, 2), '\n\n');
  b.t('Insurance: ', g.pick(['Aetna', 'Blue Cross Blue Shield', 'Medicare', 'UnitedHealthcare', 'Cigna', 'Humana', 'Tufts Health Plan']), ', ');
  sayHealthPlan(g, b);
  b.nl();
  b.t('The patient prefers contact by ');
  sayEmail(g, b, g.patient);
  b.t('.\n\nSincerely,\n');
  const doc = randomName(g);
  b.p('NAME', `${doc.first} ${doc.last}`).t(`, ${g.pick(['MD', 'DO', 'NP'])}\n`);
  sayNpi(g, b);
  b.nl();
  if (g.chance(0.5)) {
    sayLicense(g, b, doc.last);
    b.nl();
  }
};

const lab: Template = (g, b) => {
  b.t(g.cue(['LABORATORY REPORT', 'Lab Results', 'CLINICAL PATHOLOGY', 'Laboratory', 'Final Report', 'LAB']), '\n');
  b.p('ORGANIZATION', hospitalName(g)).t(' Laboratory, ');
  sayCityState(g, b);
  b.nl();
  patientLine(g, b);
  sayOtherId(g, b);
  b.nl();
  b.t(g.cue(['Collected: ', 'Collection date: ', 'Drawn ', 'Specimen collected ']));
  const d = g.date(2016, 2025);
  sayDate(g, b, d, { time: 0.7 });
  b.t(g.cue(['   Received: ', '\nReported: ', '  Resulted ']));
  sayDate(g, b, new Date(d.getTime() + g.int(1, 48) * 3_600_000), { time: 0.7 });
  b.nl();
  b.t('Ordering provider: ');
  sayClinician(g, b);
  b.nl(2);
  for (let i = 0; i < g.int(2, 5); i++) b.t(negative(g), '\n');
  b.t(negative(g), ' ', negative(g), '\n');
  b.t(g.cue(['Comment: ', 'Note: ']), filler(g, 2), ' Called to ');
  sayClinician(g, b);
  b.t(' at ');
  sayDate(g, b, d, { partial: true, time: 0.5 });
  b.t(' by ');
  b.p('NAME', randomName(g).first).t(g.pick([' in the lab', ', MLS', ' (tech)']), '.\n');
  b.t(negative(g), '\n');
};

const billing: Template = (g, b) => {
  b.t(g.cue(['CLAIM FORM', 'Billing Statement', 'INSURANCE CLAIM - CMS-1500', 'Patient Statement', 'UB-04 SUMMARY', 'Superbill']), '\n');
  b.t('Provider: ').p('ORGANIZATION', hospitalName(g)).t('  ');
  sayNpi(g, b);
  b.nl();
  b.t(g.cue(['Patient: ', 'Insured: ', 'Subscriber: ', 'Guarantor: ']));
  sayPatient(g, b);
  b.t('   DOB ');
  sayDate(g, b, g.patient.dob);
  b.t('   Sex: ', g.patient.sex === 'female' ? 'F' : 'M', '\n');
  b.t('Address: ');
  const home = randomPlace(g);
  sayAddress(g, b, home);
  b.nl();
  if (g.chance(0.4)) {
    b.t(g.cue(['ZIP: ', 'Zip code ', 'Postal code: ', 'ZIP ']));
    b.p('ZIP_CODE', home.zip);
    b.t(g.pick(['  County: ', '  ']));
    b.p('LOCATION', g.f.location.county());
    b.nl();
  }
  sayPhone(g, b);
  b.nl();
  saySsn(g, b);
  b.nl();
  b.t('Payer: ', g.pick(['Medicare Part B', 'Aetna PPO', 'BCBS', 'Medicaid', 'UnitedHealthcare', 'Tricare']), '\n');
  sayHealthPlan(g, b);
  b.t('   Group # ', `${g.int(1000, 99999)}`, '\n');
  sayAccount(g, b);
  b.nl();
  b.t('Employer: ').p('ORGANIZATION', employerName(g)).nl();
  b.t('Date of service: ');
  sayDate(g, b, g.date(2016, 2025));
  b.nl();
  for (let i = 0; i < g.int(1, 4); i++) b.t(negative(g), `  $${g.int(20, 900)}.${g.int(10, 99)}\n`);
  b.t(g.pick(['Amount due', 'Balance', 'Patient responsibility']), `: $${g.int(10, 2000)}.00  `, negative(g), '\n');
  if (g.chance(0.4)) {
    sayCard(g, b);
    b.nl();
  }
  b.t('Rendering provider: ');
  sayClinician(g, b);
  b.t('  ');
  sayNpi(g, b);
  b.nl();
};

const portal: Template = (g, b) => {
  b.t(g.cue(['Secure message', 'MyChart message', 'Patient Portal Message', 'Message from patient', 'Portal msg', 'Re: question']), '\n');
  b.t('From: ');
  sayPatient(g, b);
  b.t(' <').p('EMAIL', email(g, g.patient)).t('>\n');
  b.t('Sent: ');
  sayDate(g, b, g.date(2018, 2025), { time: 0.8 });
  b.nl(2);
  b.t(g.pick(['Hi Dr. ', 'Hello Dr ', 'Dear Dr. ', 'hi dr ']));
  b.p('NAME', g.f.person.lastName()).t(g.pick([',\n', '\n', ' - ']));
  b.t(g.pick(['I wanted to ask about', 'Quick question about', 'Can I get a refill of', 'I have been having trouble with']), ' ', g.pick(DRUGS), '. ');
  b.t(g.pick(['My ', 'my ']));
  sayRelative(g, b);
  b.t(' says I should call. ', g.pick(['I take', 'Still on']), ` ${dose(g)}. `);
  b.t('You can call me at ');
  sayPhone(g, b, false);
  b.t(g.pick([' or text', ' anytime', ' after 5', '']), '. ');
  if (g.chance(0.5)) {
    b.t('My new address is ');
    sayAddress(g, b);
    b.t('. ');
  }
  if (g.chance(0.4)) {
    b.t('I uploaded the photo here: ');
    sayUrl(g, b);
    b.t(' ');
  }
  b.t('\nThanks,\n');
  b.p('NAME', g.chance(0.5) ? g.patient.first : `${g.patient.first} ${g.patient.last}`).nl();
};

const radiology: Template = (g, b) => {
  b.t(g.cue(['RADIOLOGY REPORT', 'CT CHEST W/O CONTRAST', 'MRI BRAIN', 'XR CHEST 2 VIEWS', 'US ABDOMEN', 'Imaging report']), '\n');
  patientLine(g, b);
  b.t('Exam date: ');
  sayDate(g, b, g.date(2015, 2025), { time: 0.6 });
  b.t('   Accession: ').p('OTHER_ID', `${g.letters(2)}${g.digits(8)}`).nl();
  b.t('Comparison: ');
  sayDate(g, b, g.date(2010, 2014), { partial: g.chance(0.3) });
  b.t(' at ').p('ORGANIZATION', hospitalName(g)).t('.\n');
  b.t('Findings: ', `${negative(g)}. ${negative(g)}. `, filler(g, 2), '\n');
  b.t('Impression: ', filler(g, 1), '\n');
  b.t('Read by ');
  sayClinician(g, b);
  b.t(' from reading station ');
  b.p('IP_ADDRESS', `10.${g.int(0, 255)}.${g.int(0, 255)}.${g.int(1, 254)}`);
  b.nl();
};

const triage: Template = (g, b) => {
  const when = header(g, b, g.cue(['ED TRIAGE', 'Emergency Department Triage Note', 'TRIAGE', 'ED Arrival', 'ER triage note', 'ED NURSING TRIAGE']));
  b.t(g.terse ? 'CC: ' : 'Chief complaint: ', g.pick(['fall', 'chest pain', 'SOB', 'AMS', 'syncope', 'abd pain', 'weakness']), '. ');
  if (g.chance(0.6)) sayAge(g, b);
  else b.t(`${g.int(20, 89)}yo`);
  b.t(g.terse ? ' BIBA from ' : ' brought in by ambulance from ');
  if (g.chance(0.5)) sayAddress(g, b);
  else b.p('ORGANIZATION', hospitalName(g));
  b.t('. Arrived ');
  sayDate(g, b, when, { partial: true, time: 0.6 });
  b.t('. ', negative(g), '. ', filler(g, 2), '\n');
  b.t('Accompanied by ');
  sayRelative(g, b);
  b.t(', ');
  sayPhone(g, b);
  b.t('.\n');
  if (g.chance(0.5)) {
    b.t('Ambulance unit ', String(g.int(1, 60)), ', ');
    sayVehicle(g, b);
    b.t('.\n');
  }
  b.t('Triage RN ');
  sayClinician(g, b);
  b.nl();
};

const prescription: Template = (g, b) => {
  const doc = randomName(g);
  b.t(g.cue(['Rx', 'PRESCRIPTION', 'e-Prescription', 'Rx Order', 'Prescription']), '\n');
  b.t('Prescriber: ');
  sayClinician(g, b, doc);
  b.t('  ');
  sayLicense(g, b, doc.last);
  b.t('  ');
  sayNpi(g, b);
  b.nl();
  b.p('ORGANIZATION', hospitalName(g)).t(', ');
  sayAddress(g, b);
  b.nl();
  b.t('Patient: ');
  sayPatient(g, b);
  b.t('  DOB ');
  sayDate(g, b, g.patient.dob);
  b.nl();
  b.t(`${dose(g)}\nDisp: #${g.int(10, 90)}  Refills: ${g.int(0, 5)}\n`);
  b.t('Date written: ');
  sayDate(g, b, g.date(2018, 2025));
  b.nl();
  b.t('Pharmacy: ').p('ORGANIZATION', `${g.pick(['CVS', 'Walgreens', 'Rite Aid', 'Walmart'])} #${g.int(1000, 9999)}`).t(', ');
  sayCityState(g, b);
  b.t('  ');
  sayFax(g, b);
  b.nl();
};

const telehealth: Template = (g, b) => {
  const when = header(g, b, g.cue(['TELEHEALTH VISIT', 'Video Visit Note', 'Telemedicine encounter', 'Virtual visit', 'Phone visit', 'TELEPHONE ENCOUNTER']));
  patientLine(g, b);
  b.t('Visit conducted via ', g.pick(['Zoom', 'Doxy.me', 'the portal video app', 'telephone']), '; patient joined from ');
  sayIp(g, b);
  b.t(g.pick([' in ', ' located in ']));
  sayCityState(g, b);
  b.t('. Link: ');
  sayUrl(g, b);
  b.nl();
  b.t(filler(g, 3), '\n');
  b.t('Patient consents to telehealth. Callback number ');
  sayPhone(g, b, false);
  b.t('. Next visit ');
  sayDate(g, b, new Date(when.getTime() + 30 * 86_400_000), { partial: g.chance(0.4), time: 0.5 });
  b.t('.\n');
  signature(g, b);
};

const progress: Template = (g, b) => {
  header(g, b, g.cue(['PROGRESS NOTE', 'Progress Note - Medicine', 'Daily progress note', 'SOAP', 'Hospitalist note', 'MICU progress note']));
  if (g.terse) {
    b.t('S: ', filler(g, 1), ' ');
    sayRelative(g, b);
    b.t(' at bedside.\nO: ', negative(g), '; ', negative(g), '\n');
    b.t('A/P: ', filler(g, 2), ' d/w ');
    sayClinician(g, b);
    b.t(' (', g.pick(['renal', 'cards', 'ID', 'neuro', 'surgery']), ').\n');
  } else {
    sayPatient(g, b, true);
    b.t(' was seen and examined this morning. ', filler(g, 3), '\n');
    b.t('Discussed with ');
    sayClinician(g, b);
    b.t(' from ').p('ORGANIZATION', hospitalName(g)).t(', who recommends ', g.pick(DRUGS), '. ');
    if (g.chance(0.5)) {
      // Possessive form of the patient's name.
      b.t(g.patient.sex === 'female' ? 'Mrs. ' : 'Mr. ').p('NAME', g.patient.last).t("'s ");
    } else b.t('Her ');
    sayRelative(g, b);
    b.t(' was updated by phone at ');
    sayPhone(g, b, false);
    b.t('.\n');
  }
  if (g.chance(0.3)) {
    b.t('Previously hospitalized ');
    sayDate(g, b, g.date(2005, 2015), { partial: true });
    b.t(' and in ');
    b.p('DATE', String(g.int(1990, 2012)));
    b.t('.\n');
  }
  signature(g, b);
};

const device: Template = (g, b) => {
  b.t(g.cue(['IMPLANT RECORD', 'Device Registration', 'Pacemaker Interrogation', 'Implant log', 'DEVICE CLINIC NOTE', 'Equipment record']), '\n');
  patientLine(g, b);
  b.t('Device: ', g.pick(['Medtronic Azure XT DR', 'Boston Scientific ICD', 'insulin pump', 'CPAP machine', 'LVAD HeartMate 3', 'cochlear implant', 'Abbott CGM']), '\n');
  sayDevice(g, b);
  b.nl();
  if (g.chance(0.6)) {
    sayDevice(g, b);
    b.nl();
  }
  b.t('Implanted ');
  sayDate(g, b, g.date(2010, 2024));
  b.t(' by ');
  sayClinician(g, b);
  b.t(' at ').p('ORGANIZATION', hospitalName(g)).t('.\n');
  b.t(negative(g), '. ', negative(g), '. Remote monitoring via ');
  sayUrl(g, b);
  b.nl();
};

const audit: Template = (g, b) => {
  b.t(g.cue(['ACCESS LOG EXCERPT', 'EHR audit trail', 'Security incident note', 'Access report', 'Portal login history', 'IT ticket']), '\n');
  for (let i = 0; i < g.int(2, 5); i++) {
    sayDate(g, b, g.date(2020, 2025), { time: 1 });
    b.t(' user=');
    b.p('NAME', `${g.f.person.firstName().toLowerCase()}.${g.f.person.lastName().toLowerCase()}`.replace(/[^a-z.]/g, ''));
    b.t(' ');
    sayIp(g, b);
    b.t(' action=', g.pick(['VIEW', 'PRINT', 'EXPORT', 'LOGIN', 'EDIT']), ' chart ');
    sayMrn(g, b);
    b.nl();
  }
  b.t('Patient ');
  sayPatient(g, b);
  b.t(' notified at ');
  sayEmail(g, b, g.patient);
  b.t('. Session ', g.pick(['v2.3.1', 'build 10.4.7', 'TLS 1.3', 'port 443']), '. Ticket ');
  sayOtherId(g, b);
  b.nl();
};

const research: Template = (g, b) => {
  b.t(g.cue(['RESEARCH CONSENT', 'Study enrollment form', 'Clinical trial screening', 'Biobank consent', 'IRB enrollment log', 'Research visit']), '\n');
  b.t('Participant: ');
  sayPatient(g, b);
  b.t('  ');
  sayOtherId(g, b);
  b.nl();
  b.t('Enrolled ');
  sayDate(g, b, g.date(2018, 2025));
  b.t(' at ').p('ORGANIZATION', hospitalName(g)).t(' site ', String(g.int(1, 30)), '.\n');
  b.t('Identity verified with ');
  sayBiometric(g, b);
  b.t(' and ');
  sayLicense(g, b);
  b.t('.\n');
  b.t('Contact: ');
  sayEmail(g, b, g.patient);
  b.t(', ');
  sayPhone(g, b);
  b.nl();
  b.t('Inclusion: ', negative(g), '; ', negative(g), '. Exclusion: ', g.pick(['pregnancy', 'eGFR < 30', 'active malignancy']), '.\n');
  b.t('Coordinator: ');
  sayClinician(g, b);
  b.nl();
};

const incident: Template = (g, b) => {
  const when = header(g, b, g.cue(['INCIDENT REPORT', 'Security report', 'Patient event report', 'Safety event', 'Occurrence report', 'Valet / parking note']));
  sayPatient(g, b, true);
  b.t(g.pick([' left AMA', ' was found in the parking garage', ' reported a fall in the lobby', "'s car was towed"]), ' at ');
  sayDate(g, b, when, { partial: true, time: 0.8 });
  b.t('. Vehicle: ', g.pick(['silver Honda Civic', 'black Ford F-150', 'red Toyota Camry', 'white minivan']), ', ');
  sayVehicle(g, b);
  b.t(g.chance(0.5) ? ', ' : '. ');
  sayVehicle(g, b);
  b.t('.\nWitness: ');
  b.p('NAME', `${g.f.person.firstName()} ${g.f.person.lastName()}`).t(', ');
  sayPhone(g, b);
  b.t('.\n', filler(g, 2), '\nReported by ');
  sayClinician(g, b);
  b.nl();
};

const payment: Template = (g, b) => {
  b.t(g.cue(['REFUND REQUEST', 'Payment authorization', 'Patient financial services', 'Self-pay agreement', 'Overpayment refund', 'Billing note']), '\n');
  b.t('Patient: ');
  sayPatient(g, b);
  b.t('  ');
  sayAccount(g, b);
  b.nl();
  sayCard(g, b);
  b.t(g.pick([' exp ', ' expires ']), `${String(g.int(1, 12)).padStart(2, '0')}/${g.int(26, 31)}`, '\n');
  b.t('Refund to international account: ');
  sayIban(g, b);
  b.t(', account holder ');
  sayPatient(g, b);
  b.nl();
  b.t('Billing address: ');
  sayAddress(g, b);
  b.nl();
  b.t('Processed ');
  sayDate(g, b, g.date(2019, 2025), { time: 0.5 });
  b.t(' by ');
  b.p('NAME', `${g.f.person.firstName()} ${g.f.person.lastName()}`).t(', ', g.pick(['PFS', 'billing', 'cashier']), '. ', negative(g), '\n');
};

const homehealth: Template = (g, b) => {
  b.t(g.cue(['HOME HEALTH INTAKE', 'Home care referral', 'VNA intake', 'Hospice admission', 'Home visit note', 'Community nursing referral']), '\n');
  b.t('Client: ');
  sayPatient(g, b);
  b.t(', ');
  if (g.chance(0.7)) sayAge(g, b);
  else b.t(`${g.int(60, 89)} years old`);
  b.nl();
  b.t('Lives at ');
  sayAddress(g, b, randomPlace(g), g.chance(0.6));
  b.t(g.pick([' with ', ', lives with ']));
  sayRelative(g, b);
  b.nl();
  sayPhone(g, b);
  b.t('  ');
  sayPhone(g, b);
  b.nl();
  sayHealthPlan(g, b);
  b.t('  ');
  saySsn(g, b);
  b.nl();
  b.t('Referred by ');
  sayClinician(g, b);
  b.t(', ').p('ORGANIZATION', hospitalName(g)).t(', ');
  sayFax(g, b);
  b.nl();
  b.t('Start of care ');
  sayDate(g, b, g.date(2018, 2025));
  b.t('. Equipment: ', g.pick(['hospital bed', 'walker', 'home O2 2L', 'commode', 'wheelchair']), '. ', filler(g, 2), '\n');
};

const transfer: Template = (g, b) => {
  const when = header(g, b, g.cue(['TRANSFER NOTE', 'Interfacility transfer', 'ICU transfer summary', 'Transfer of care', 'Accepting note', 'TRANSFER SUMMARY']));
  b.t(g.terse ? 'Pt ' : 'The patient, ');
  sayPatient(g, b);
  b.t(g.terse ? ', ' : ', is a ');
  if (g.chance(0.4)) sayAge(g, b);
  else b.t(`${g.int(40, 89)} y/o`);
  b.t(g.terse ? ' xfer from ' : ' transferred from ').p('ORGANIZATION', hospitalName(g)).t(' (');
  sayCityState(g, b);
  b.t(') on ');
  sayDate(g, b, when, { partial: g.chance(0.5), time: 0.4 });
  b.t('. ', filler(g, 3), '\n');
  b.t('Sending physician: ');
  sayClinician(g, b);
  b.t(', ');
  sayPhone(g, b);
  b.t('. Accepting: ');
  sayClinician(g, b);
  b.t('.\n');
  b.t('HCP: ');
  sayRelative(g, b);
  b.t(' ');
  sayPhone(g, b, false);
  b.t('. ', filler(g, 2), '\n');
  if (g.chance(0.4)) {
    b.t('Employer: ').p('ORGANIZATION', employerName(g)).t('. ');
  }
  sayMrn(g, b);
  b.nl();
};

export const TEMPLATES: Readonly<Record<DocKind, Template>> = {
  nursing,
  discharge,
  referral,
  lab,
  billing,
  portal,
  radiology,
  triage,
  prescription,
  telehealth,
  progress,
  device,
  audit,
  research,
  incident,
  payment,
  homehealth,
  transfer,
  ...STRUCTURED_TEMPLATES,
};
