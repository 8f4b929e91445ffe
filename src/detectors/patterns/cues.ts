/**
 * Cue words, as exported data: a cue of a kind shortly before a candidate raises its score, and
 * for weak shapes (a bare 8-digit MRN, a plate, a year alone) it is what admits the candidate at
 * all. Matching is case-insensitive on whole words; a phrase ("medical record") matches its words
 * separated by up to three non-alphanumeric characters, so "MRN:", "MR#", "Med Rec No." all work.
 * Identifier cues are consumed by the first token with a digit that follows them.
 */
import type { CueName } from './shared.js';

export const DEFAULT_CUE_WORDS: Readonly<Record<CueName, readonly string[]>> = {
  date: [
    'dob', 'd o b', 'date of birth', 'birth date', 'birthdate', 'born', 'date', 'dated', 'admitted', 'admission', 'admit',
    'discharged', 'discharge', 'seen', 'visit', 'since', 'until', 'on', 'from', 'by', 'surgery', 'procedure', 'expired',
    'died', 'deceased', 'dos', 'effective', 'scheduled', 'appointment', 'appt', 'followup', 'returned', 'transferred', 'presented', 'started', 'completed', 'placed', 'extubated',
    'intubated', 'last',
  ],
  // A year alone is only a date right after one of these (this corpus family annotates them).
  year: [
    'since', 'in', 'year', 'circa', 'ca', 'from', 'diagnosed', 'dx', 'born',
    'mi', 'ami', 'cabg', 'cva', 'ptca', 'pci', 'avr', 'mvr', 'tia', 'stroke', 'dvt', 'repair', 'resection', 'surgery',
    'replacement', 'transplant', 'ablation', 'stent', 'fracture', 'fx', 'nephrectomy', 'mastectomy', 'cholecystectomy',
    'appendectomy', 'hysterectomy', 'turp', 'redo', 'lobectomy', 'colectomy', 'it is', 'its', 'married', 'retired',
    'widowed', 'immigrated', 'moved',
  ],
  age: ['age', 'aged', 'ages', 'turned', 'turns', 'turning'],
  ssn: ['ssn', 's s n', 'social security', 'social security number', 'soc sec', 'ss', 'ssan', 'social'],
  mrn: [
    'mrn', 'mr', 'medical record', 'med rec', 'record number', 'record no', 'medical record number', 'chart number',
    'chart no', 'hospital number', 'hosp no', 'patient id', 'pt id', 'patient number', 'patient no', 'unit number',
    'emr', 'ehr', 'mrno', 'encounter', 'fin', 'csn', 'visit number', 'hosp', 'hospital', 'chart', 'unit no', 'emrn', 'mr number', 'med rec no',
    'medical record no', 'record', 'account mrn', 'hospital id', 'clinic number',
  ],
  healthPlan: [
    'member', 'member id', 'member number', 'subscriber', 'subscriber id', 'policy', 'policy number', 'plan id', 'health plan', 'insurance id', 'insurance', 'insured id', 'medicaid',
    'medicare', 'beneficiary', 'hicn', 'mbi', 'ins id', 'ins', 'insurance member', 'plan member', 'payer member',
    'cardholder id', 'rx bin', 'rx group', 'rxbin', 'pcn', 'subscriber number', 'policy id', 'policy no', 'member no', 'payer id', 'coverage id', 'contract number', 'insurance number',
    // National health numbers outside the US: Canadian provincial cards, UK NHS / CHI numbers.
    'health card', 'health card number', 'health number', 'ohip', 'ramq', 'care card', 'phn', 'nhs number', 'nhs no', 'chi number',
  ],
  account: [
    'acct', 'account', 'account number', 'billing number', 'billing id', 'billing account', 'bank account', 'checking', 'savings',
    'invoice', 'guarantor', 'patient account', 'acc', 'har', 'hospital account', 'account no', 'acct no', 'fin number',
    'billing account number', 'statement', 'bank', 'checking account', 'savings account', 'financial', 'financial number',
    'financial no', 'fin no', 'encounter account', 'visit account',
  ],
  routing: ['routing', 'routing number', 'aba', 'rtn', 'transit number'],
  license: [
    'license', 'licence', 'lic', 'dl', 'driver license', 'drivers license', 'driver s license', 'state license',
    'medical license', 'nursing license', 'license number', 'cdl', 'permit', 'certificate', 'cert', 'board certification',
    'certification', 'certification number', 'state id', 'id card', 'csr', 'cds', 'controlled substance', 'board number',
    'license no', 'lic no', 'licensure', 'np license', 'md license', 'rn license', 'pharmacist license', 'registration number', 'credential', 'passport',
  ],
  dea: ['dea', 'dea number', 'dea registration'],
  vin: ['vin', 'vehicle identification', 'vehicle id', 'chassis'],
  plate: ['plate', 'plates', 'license plate', 'plate number', 'tag number', 'registration plate', 'tags', 'tag', 'registration', 'reg', 'lic plate', 'plate no'],
  device: [
    'serial', 'serial number', 'serial no', 'sn', 's n', 'udi', 'device id', 'device identifier', 'device serial',
    'imei', 'esn', 'meid', 'ser', 'serial #', 'implant id', 'pacemaker serial', 'model serial', 'lot', 'lot number', 'asset tag',
  ],
  biometric: [
    'biometric', 'biometric id', 'biometric template', 'biometric hash', 'fingerprint', 'fingerprint id', 'fingerprint hash',
    'fingerprint template', 'thumbprint', 'retinal scan', 'retina scan', 'retinal scan id', 'retinal template', 'iris scan',
    'iris template', 'iris code', 'voiceprint', 'voice print', 'voiceprint id', 'face template', 'facial template',
    'face id', 'face print', 'faceprint', 'palm vein', 'palm vein id', 'palmprint', 'palm print', 'hand geometry',
  ],
  zip: ['zip', 'zip code', 'zipcode', 'postal code', 'postal', 'postcode', 'postalcode', 'zip4', 'zip+4'],
  npi: ['npi', 'national provider', 'npi number'],
  card: ['card', 'credit card', 'visa', 'mastercard', 'amex', 'discover', 'cc', 'debit card', 'card number'],
  iban: ['iban'],
  ip: ['ip', 'ip address', 'ipv4', 'ipv6', 'host', 'server', 'client ip'],
  other: [
    'ref', 'reference', 'confirmation', 'ticket', 'claim', 'claim number', 'accession', 'specimen id', 'requisition',
    'tracking', 'case number', 'case no', 'badge', 'employee id', 'certificate number', 'record locator', 'order number',
    'referral', 'subject id', 'participant', 'participant id', 'study id', 'protocol id', 'prior auth', 'authorization',
    'auth', 'pa number', 'emp', 'emp no', 'employee number', 'incident', 'incident number', 'event number', 'report number',
    'id', 'identifier', 'staff id', 'travel document', 'document number', 'document no', 'case id', 'transplant id',
    'donor id', 'registry id', 'alien number', 'a number', 'green card', 'visa number', 'military id', 'veteran id',
    'va number', 'tribal id', 'student id', 'school id', 'library card', 'loyalty', 'membership', 'subject', 'subject number', 'research id', 'enrollment', 'enrollment id', 'voucher', 'user id',
  ],
};

/** Cue words that only count when followed by '#', ':' or "no"/"number" (they are common words or titles). */
export const MARKED_CUES: ReadonlySet<string> = new Set([
  'mr', 'ss', 'sn', 'dl', 'reg', 'lic', 'acc', 'fin', 'social', 'lot', 'case', 'cert', 'encounter', 'hosp', 'hospital', 'chart',
  'record', 'claim', 'auth', 'member', 'group', 'plan', 'referral', 'enrollment', 'certification', 'ser', 'subject', 'emp', 'incident', 'id', 'ins', 'ehr', 'emr', 'identifier',
  'financial', 'membership', 'loyalty', 'serial',
]);
