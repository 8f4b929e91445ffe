/**
 * Context cues for names, places and organizations in clinical notes, shared by the `nlp` and
 * `dictionary` detectors. All lowercase single words (multi-word cues are matched word by word
 * in rules.ts). Exported as data so callers can read them; written for this library from
 * general clinical writing conventions, not from any corpus.
 */

/** Titles directly before a person's name: "Dr. Healey", "MRS JONES". */
export const NAME_TITLES: readonly string[] = ['dr', 'drs', 'doctor', 'doc', 'mr', 'mrs', 'ms', 'miss', 'mister', 'prof', 'professor', 'rev', 'reverend', 'rabbi', 'pastor', 'father', 'sister', 'fr'];

/** Titles that mostly name the patient (scored the same; kept apart for documentation). */
export const PATIENT_TITLES: readonly string[] = ['mr', 'mrs', 'ms', 'miss', 'mister'];

/** Relatives and other contacts whose name often follows: "wife Mary called", "dtr susan". */
export const RELATIVE_CUES: readonly string[] = [
  'wife', 'husband', 'spouse', 'son', 'sons', 'daughter', 'daughters', 'dtr', 'dtrs', 'dau', 'mother', 'mom', 'mum',
  'father', 'dad', 'brother', 'brothers', 'bro', 'sister', 'sisters', 'sis', 'niece', 'nieces', 'nephew',
  'nephews', 'aunt', 'uncle', 'cousin', 'grandson', 'granddaughter', 'grandaughter', 'granddtr', 'grandchild',
  'grandmother', 'grandfather', 'grandma', 'grandpa', 'stepson', 'stepdaughter', 'friend', 'boyfriend', 'girlfriend',
  'fiance', 'fiancee', 'partner', 'companion', 'other', 'proxy', 'hcp', 'caregiver', 'neighbor', 'neighbour', 'guardian',
  'lawyer', 'attorney', 'law', 'roommate', 'landlord', 'person', 'contact',
];

/** Credentials written after a name: "Ingrid Castellanos, RN", "DESMOND K. ABARA, RRT". */
export const CREDENTIALS: readonly string[] = [
  'rn', 'np', 'md', 'rrt', 'crt', 'pa', 'bsn', 'msn', 'msw', 'lcsw', 'licsw', 'crnp', 'lpn', 'cna', 'ccrn', 'rnc',
  'aprn', 'fnp', 'acnp', 'cnm', 'crna', 'pharmd', 'rph', 'phd', 'dpt', 'slp', 'otr', 'rd', 'ldn', 'sn', 'snp', 'mph',
];

/** Roles written before a name: "NP Brandt", "caseworker Odile", "house staff ana pereira". */
export const ROLE_CUES: readonly string[] = [
  'np', 'rn', 'md', 'pa', 'ho', 'rrt', 'nurse', 'attending', 'resident', 'intern', 'fellow', 'caseworker', 'manager',
  'worker', 'sw', 'staff', 'pcp', 'physician', 'surgeon', 'cardiologist', 'oncologist', 'chaplain', 'therapist',
  'dietitian', 'nutritionist', 'pharmacist', 'interpreter', 'translator', 'coordinator', 'counselor', 'aide',
];

/** Generic facility words after a facility's name: "Calvert Hospital ER", "Lakeview Rehab". */
export const FACILITY_SUFFIXES: readonly string[] = [
  'hospital', 'hospitals', 'hosp', 'clinic', 'clinics', 'rehab', 'rehabilitation',
  'er', 'ew', 'ed', 'center', 'centre', 'ctr', 'campus', 'building', 'bldg', 'infirmary', 'sanitarium', 'sanatorium',
  'institute', 'manor', 'nh', 'snf', 'ltac', 'hospice', 'facility', 'health', 'healthcare', 'lodge', 'pavilion',
  'memorial', 'adventist',
];

/**
 * Places a patient (often a child) spends the day at, named like facilities: "Little Sprouts
 * Daycare", "Hillside Elementary". Used by the rules only: FACILITY_SUFFIXES is also part of the
 * NER model's features, fixed at training time.
 */
export const DAY_PLACE_SUFFIXES: readonly string[] = ['daycare', 'preschool', 'kindergarten', 'elementary', 'montessori', 'academy'];

/** Words that are part of a facility's own name and are redacted with it ("Lakeside Memorial"). */
export const FACILITY_NAME_WORDS: readonly string[] = [
  'memorial', 'general', 'adventist', 'baptist', 'methodist', 'presbyterian', 'lutheran', 'mercy', 'sinai', 'children',
  'childrens', 'university', 'univ', 'regional', 'community', 'county', 'city', 'medical', 'med', 'heart', 'cancer',
  'saint', 'st', 'holy', 'good', 'samaritan', 'sacred', 'our', 'lady', 'shore', 'valley', 'north', 'south', 'east',
  'west', 'northern', 'southern', 'eastern', 'western', 'upper', 'lower', 'greater', 'mount', 'mt', 'new',
];

/**
 * Medical specialties before a facility word: part of a name ("Dana-Farber Cancer Institute") but
 * generic on their own ("Cardiology clinic", "the Heart Center").
 */
export const FACILITY_SPECIALTIES: readonly string[] = [
  'cardiology', 'cardiac', 'oncology', 'neurology', 'dermatology', 'orthopedic', 'orthopedics', 'pediatric', 'pediatrics',
  'urology', 'nephrology', 'pulmonary', 'pulmonology', 'gastroenterology', 'gi', 'endocrinology', 'rheumatology',
  'hematology', 'psychiatry', 'radiology', 'imaging', 'ent', 'obgyn', 'gyn', 'wound', 'pain', 'sleep', 'dialysis',
  'infusion', 'cancer', 'heart', 'vascular', 'transplant', 'kidney', 'eye', 'dental', 'diabetes', 'allergy', 'fertility',
  'primary', 'urgent', 'geriatric', 'geriatrics', 'surgical', 'medical', 'womens', 'childrens', 'mental', 'behavioral',
];

/** Words before "hospital" etc. that make it generic, not a name: "outside hospital", "the ER". */
export const FACILITY_GENERIC_MODIFIERS: readonly string[] = [
  'outside', 'local', 'same', 'another', 'other', 'previous', 'prior', 'referring', 'receiving', 'psych', 'psychiatric',
  'private', 'state', 'rehab', 'nursing', 'teaching', 'acute', 'chronic', 'care', 'day', 'surgery', 'surgical',
  'emergency', 'transfer', 'discharge', 'admission', 'admitting', 'current', 'home', 'group', 'assisted', 'living',
  'foster', 'boarding', 'funeral', 'va', 'vamc', 'osh', 'this', 'that', 'our', 'your', 'their', 'his', 'her',
];

/** Verbs and phrases that introduce a place or facility: "transferred from", "lives in". */
export const MOVE_VERBS: readonly string[] = [
  'transfer', 'transferred', 'transfered', 'tranfered', 'transfering', 'transferring', 'tx', 'txd', 'trans', 'admitted',
  'admit', 'adm', 'readmitted', 'sent', 'taken', 'went', 'go', 'going', 'goes', 'return', 'returned', 'returning',
  'back', 'presented', 'presenting', 'discharged', 'dcd', 'arrived', 'arrival', 'accepted', 'brought', 'referred',
  'medflight', 'medflighted', 'flighted', 'flown', 'transported', 'came', 'seen', 'followed', 'recieved', 'received',
  'visit', 'visited', 'stay', 'stayed', 'placement', 'placed', 'moved', 'retired', 'works', 'worked', 'employed',
  'leave', 'leaving', 'left',
];

/** Words introducing where someone lives. */
export const RESIDENCE_CUES: readonly string[] = ['lives', 'living', 'lived', 'live', 'resides', 'resided', 'resident', 'residing', 'home', 'from', 'vacation', 'vacationing', 'visiting', 'moved'];

/** Prepositions that link a move verb or residence cue to a place. */
export const PLACE_PREPOSITIONS: readonly string[] = ['to', 'from', 'at', 'in', 'into', 'near', 'nearby', 'of', 'via', 'thru', 'through'];

/** Two-letter US state and territory codes (for "Red Bank, NJ"). States alone are not PHI under Safe Harbor. */
export const US_STATE_CODES: readonly string[] = [
  'al', 'ak', 'az', 'ar', 'ca', 'co', 'ct', 'de', 'dc', 'fl', 'ga', 'hi', 'id', 'il', 'in', 'ia', 'ks', 'ky', 'la', 'me',
  'md', 'ma', 'mi', 'mn', 'ms', 'mo', 'mt', 'ne', 'nv', 'nh', 'nj', 'nm', 'ny', 'nc', 'nd', 'oh', 'ok', 'or', 'pa', 'ri',
  'sc', 'sd', 'tn', 'tx', 'ut', 'vt', 'va', 'wa', 'wv', 'wi', 'wy', 'pr', 'gu', 'vi',
];

/** US state names, single words and the first words of two-word names. */
export const US_STATE_NAMES: readonly string[] = [
  'alabama', 'alaska', 'arizona', 'arkansas', 'california', 'colorado', 'connecticut', 'delaware', 'florida', 'georgia',
  'hawaii', 'idaho', 'illinois', 'indiana', 'iowa', 'kansas', 'kentucky', 'louisiana', 'maine', 'maryland',
  'massachusetts', 'michigan', 'minnesota', 'mississippi', 'missouri', 'montana', 'nebraska', 'nevada', 'ohio',
  'oklahoma', 'oregon', 'pennsylvania', 'tennessee', 'texas', 'utah', 'vermont', 'virginia', 'washington', 'wisconsin',
  'wyoming', 'carolina', 'dakota', 'jersey', 'hampshire', 'mexico', 'york', 'island', 'columbia',
];

/** Function words: never a name or place on their own, and they end name runs. */
export const FUNCTION_WORDS: readonly string[] = [
  'a', 'an', 'the', 'and', 'or', 'but', 'nor', 'of', 'to', 'in', 'on', 'at', 'by', 'for', 'with', 'w', 'from', 'into',
  'onto', 'upon', 'about', 'as', 'is', 'was', 'are', 'were', 'be', 'been', 'being', 'am', 'has', 'have', 'had', 'do',
  'does', 'did', 'done', 'not', 'no', 'yes', 'will', 'would', 'can', 'could', 'should', 'shall', 'may', 'might', 'must',
  'he', 'she', 'him', 'her', 'his', 'hers', 'they', 'them', 'their', 'we', 'us', 'our', 'you', 'your', 'i', 'me', 'my',
  'it', 'its', 'this', 'that', 'these', 'those', 'who', 'whom', 'whose', 'which', 'what', 'when', 'where', 'why', 'how',
  'here', 'there', 'then', 'than', 'also', 'just', 'very', 'all', 'any', 'some', 'each', 'every', 'both', 'either',
  'neither', 'other', 'another', 'same', 'such', 'only', 'own', 'so', 'if', 'while', 'after', 'before', 'since', 'until',
  'till', 'out', 'up', 'down', 'over', 'under', 'again', 'once', 'now', 'today', 'tonight', 'tomorrow', 'yesterday',
  'still', 'already', 'aware', 'notified', 'called', 'paged', 'informed', 'updated', 'made', 'came', 'said', 'says',
  'states', 'stated', 'told', 'spoke', 'talked', 'met', 'saw', 'seen', 'see', 'wants', 'wanted', 'feels', 'felt',
  'thinks', 'ordered', 'orders', 'order', 'note', 'notes', 'team', 'service', 'office', 'visit', 'visited', 'visiting',
  'phone', 'phoned', 'tel', 'cell', 'home', 'work', 'number', 'reached', 'contacted', 'present', 'bedside', 'pt', 'patient',
  'x', 'via', 'per', 're', 'regarding', 'about', 'around', 'approx', 'ok', 'okay', 'well', 'good', 'left', 'right', 'plan',
];

/**
 * Names that are also everyday words: on their own they need a cue ("son Bill", "Dr. Hope").
 * Added to the common-word list the dictionaries ship with (which catches most such words).
 */
export const COMMON_WORD_NAMES: readonly string[] = [
  'will', 'hope', 'may', 'bill', 'mark', 'rose', 'art', 'sung', 'grant', 'joy', 'faith', 'june', 'april', 'august',
  'guy', 'pat', 'sue', 'don', 'ray', 'rich', 'dawn', 'eve', 'summer', 'holly', 'ivy', 'iris', 'daisy', 'ruby', 'amber',
  'crystal', 'sandy', 'rusty', 'frank', 'chase', 'chance', 'drew', 'gene', 'jack', 'bud', 'lane', 'king', 'young',
  'long', 'small', 'white', 'black', 'brown', 'green', 'gray', 'grey', 'price', 'rice', 'wood', 'stone', 'hill', 'day',
  'page', 'bell', 'park', 'lee', 'rod', 'max', 'sky', 'star', 'hunter', 'cook', 'baker', 'miller', 'carter', 'mason',
  'walker', 'turner', 'cole', 'noble', 'major', 'sharp', 'strong', 'good', 'best', 'love', 'rock', 'north', 'south',
  'east', 'west', 'church', 'bishop', 'pope', 'knight', 'lord', 'street', 'banks', 'fields', 'woods', 'waters',
  'rivers', 'lake', 'gross', 'moody', 'bright', 'hardy', 'gay', 'bliss', 'case', 'hall', 'ward', 'floor', 'foot',
  'head', 'hand', 'heart', 'hart', 'kidney', 'love', 'nurse', 'doctor', 'patient', 'early', 'late', 'short', 'tall',
  'bland', 'blood', 'bone', 'lung', 'back', 'neck', 'chest', 'lip', 'mouth', 'wells', 'ball', 'bath', 'bed', 'rest',
  'pain', 'ache', 'sick', 'well', 'coffee', 'tea', 'sugar', 'salt', 'pepper', 'honey', 'candy', 'cherry', 'apple',
  'berry', 'olive', 'pearl', 'jewel', 'gem', 'angel', 'christian', 'major', 'sergeant', 'general', 'colonel',
];
