/**
 * The clinical stop list: words that look like names or places in a name dictionary (Foley,
 * Parkinson, Lasix, Bolus, Cough...) but in clinical text are drugs, anatomy, procedures,
 * eponymous diseases and devices, units or abbreviations. A stop-listed token is never reported
 * on its own; a strong cue still wins ("Dr. Foley" is a person, "Foley" alone is a catheter).
 *
 * Written for this library from general clinical vocabulary (not derived from any corpus).
 * Exported as data: read it, extend it through the `stopWords` option of the `nlp` and
 * `dictionary` detectors, or build your own set with {@link createStopList}.
 */

/** Drugs (generic and brand), drug classes and common nursing shorthand for them. */
export const STOP_DRUGS: readonly string[] = [
  'acetaminophen', 'tylenol', 'motrin', 'ibuprofen', 'advil', 'aspirin', 'asa', 'ecasa', 'toradol', 'ketorolac',
  'morphine', 'mso4', 'dilaudid', 'hydromorphone', 'fentanyl', 'fent', 'percocet', 'oxycodone', 'oxycontin', 'vicodin',
  'codeine', 'tramadol', 'ultram', 'methadone', 'demerol', 'meperidine', 'narcan', 'naloxone', 'ativan', 'lorazepam',
  'versed', 'midazolam', 'valium', 'diazepam', 'xanax', 'klonopin', 'haldol', 'haloperidol', 'zyprexa', 'seroquel',
  'risperdal', 'propofol', 'diprivan', 'precedex', 'dexmedetomidine', 'ketamine', 'etomidate', 'vecuronium', 'vec',
  'succinylcholine', 'sux', 'rocuronium', 'cisatracurium', 'nimbex', 'pancuronium', 'lasix', 'furosemide', 'bumex',
  'bumetanide', 'diamox', 'acetazolamide', 'aldactone', 'spironolactone', 'spiro', 'hctz', 'metolazone', 'zaroxolyn',
  'mannitol', 'coumadin', 'warfarin', 'heparin', 'lovenox', 'enoxaparin', 'argatroban', 'plavix', 'clopidogrel',
  'integrilin', 'eptifibatide', 'reopro', 'aggrastat', 'tpa', 'alteplase', 'retavase', 'tnk', 'lopressor', 'metoprolol',
  'toprol', 'atenolol', 'tenormin', 'labetalol', 'esmolol', 'brevibloc', 'carvedilol', 'coreg', 'propranolol',
  'inderal', 'diltiazem', 'cardizem', 'verapamil', 'nifedipine', 'procardia', 'amlodipine', 'norvasc', 'nicardipine',
  'cardene', 'captopril', 'capoten', 'enalapril', 'vasotec', 'lisinopril', 'zestril', 'prinivil', 'losartan', 'cozaar',
  'hydralazine', 'apresoline', 'nitroglycerin', 'ntg', 'nitro', 'nitropaste', 'nitroprusside', 'nipride', 'isordil',
  'imdur', 'digoxin', 'lanoxin', 'dig', 'amiodarone', 'cordarone', 'lidocaine', 'lido', 'procainamide', 'adenosine',
  'atropine', 'epinephrine', 'epi', 'norepinephrine', 'levophed', 'levo', 'dopamine', 'dopa', 'dobutamine', 'dobutrex',
  'dobut', 'milrinone', 'primacor', 'neosynephrine', 'neo', 'phenylephrine', 'vasopressin', 'pitressin', 'vaso',
  'isuprel', 'natrecor', 'nesiritide', 'insulin', 'lantus', 'humalog', 'novolog', 'nph', 'glucagon', 'glyburide',
  'glipizide', 'metformin', 'glucophage', 'actos', 'avandia', 'dextrose', 'd50', 'kayexalate', 'calcium', 'magnesium',
  'potassium', 'kcl', 'sodium', 'bicarb', 'bicarbonate', 'phosphorus', 'neutraphos', 'protonix', 'pantoprazole',
  'prilosec', 'omeprazole', 'nexium', 'pepcid', 'famotidine', 'zantac', 'ranitidine', 'carafate', 'sucralfate',
  'reglan', 'metoclopramide', 'zofran', 'ondansetron', 'phenergan', 'compazine', 'colace', 'senna', 'senokot',
  'dulcolax', 'bisacodyl', 'lactulose', 'miralax', 'golytely', 'fleet', 'imodium', 'lomotil', 'kaopectate', 'simethicone',
  'vancomycin', 'vanco', 'vanc', 'zosyn', 'piperacillin', 'unasyn', 'ampicillin', 'amp', 'gentamicin', 'genta',
  'tobramycin', 'tobra', 'amikacin', 'ceftriaxone', 'rocephin', 'cefazolin', 'ancef', 'kefzol', 'cefepime', 'maxipime',
  'ceftazidime', 'fortaz', 'cefotaxime', 'claforan', 'levofloxacin', 'levoflox', 'levaquin', 'ciprofloxacin', 'cipro',
  'moxifloxacin', 'avelox', 'azithromycin', 'zithromax', 'zpak', 'erythromycin', 'clindamycin', 'cleocin', 'flagyl',
  'metronidazole', 'bactrim', 'septra', 'linezolid', 'zyvox', 'meropenem', 'merrem', 'imipenem', 'primaxin', 'aztreonam',
  'doxycycline', 'nafcillin', 'oxacillin', 'penicillin', 'pcn', 'rifampin', 'acyclovir', 'ganciclovir', 'fluconazole',
  'diflucan', 'ambisome', 'amphotericin', 'caspofungin', 'nystatin', 'mycostatin', 'solumedrol', 'solu', 'medrol',
  'methylprednisolone', 'prednisone', 'pred', 'hydrocortisone', 'decadron', 'dexamethasone', 'florinef', 'synthroid',
  'levothyroxine', 'albuterol', 'ventolin', 'proventil', 'atrovent', 'ipratropium', 'combivent', 'flovent', 'advair',
  'serevent', 'xopenex', 'pulmicort', 'singulair', 'mucomyst', 'dilantin', 'phenytoin', 'fosphenytoin', 'keppra',
  'levetiracetam', 'depakote', 'tegretol', 'phenobarbital', 'neurontin', 'gabapentin', 'ambien', 'benadryl',
  'diphenhydramine', 'hydroxyzine', 'atarax', 'trazodone', 'desyrel', 'zoloft', 'prozac', 'paxil', 'celexa', 'lexapro',
  'wellbutrin', 'elavil', 'aricept', 'sinemet', 'zocor', 'simvastatin', 'lipitor', 'atorvastatin', 'pravachol', 'crestor',
  'allopurinol', 'colchicine', 'procrit', 'epogen', 'neupogen', 'ddavp', 'vitamin', 'thiamine', 'folate', 'mvi',
  'ensure', 'nepro', 'promote', 'jevity', 'impact', 'pulmocare', 'tpn', 'ppn', 'intralipid', 'lipids', 'albumin',
  'ffp', 'prbc', 'prbcs', 'cryo', 'platelets', 'plts', 'ivig', 'tylox', 'roxicet', 'celebrex', 'vioxx', 'lyrica',
  'bacitracin', 'silvadene', 'xeroform', 'duoderm', 'aloe', 'eucerin', 'sarna', 'lotrimin', 'miconazole', 'desitin',
  'theophylline', 'aminophylline', 'terbutaline', 'magnesium', 'oxytocin', 'pitocin', 'cytotec', 'zyloprim', 'ativan',
  'restoril', 'temazepam', 'dalmane', 'halcion', 'librium', 'chlordiazepoxide', 'thorazine', 'geodon', 'abilify',
  'lithium', 'ritalin', 'provigil', 'flumazenil', 'romazicon', 'mucinex', 'robitussin', 'tessalon', 'guaifenesin',
  'ceftin', 'keflex', 'augmentin', 'amoxicillin', 'amox', 'dicloxacillin', 'tamiflu', 'valtrex', 'bactroban', 'mupirocin',
  'chlorhexidine', 'peridex', 'betadine', 'heme', 'zantac', 'tums', 'maalox', 'mylanta', 'milk', 'sorbitol', 'fiber',
  'metamucil', 'questran', 'cholestyramine', 'octreotide', 'sandostatin', 'vasotec', 'dyazide', 'triamterene', 'k-dur',
  'aggrenox', 'persantine', 'trental', 'pletal', 'cilostazol', 'ticlid', 'arixtra', 'fondaparinux', 'angiomax',
  'bivalirudin', 'refludan', 'kcentra', 'novoseven', 'amicar', 'aminocaproic', 'protamine', 'dextran', 'hespan',
  'hetastarch', 'plasmanate', 'lr', 'ns', 'saline', 'd5w', 'd5ns', 'd51/2ns', 'kvo', 'tko',
];

/** Anatomy, body systems and the headings nurses organise notes by. */
export const STOP_ANATOMY: readonly string[] = [
  'head', 'neck', 'chest', 'abd', 'abdomen', 'back', 'coccyx', 'sacrum', 'sacral', 'buttock', 'buttocks', 'groin', 'perineum',
  'perineal', 'heel', 'heels', 'sternum', 'sternal', 'rib', 'ribs', 'flank', 'hip', 'knee', 'ankle', 'foot', 'feet', 'toe',
  'toes', 'arm', 'elbow', 'wrist', 'hand', 'finger', 'thumb', 'shoulder', 'axilla', 'scalp', 'face', 'jaw', 'mouth', 'lip',
  'lips', 'tongue', 'teeth', 'gums', 'nares', 'nose', 'ear', 'ears', 'eye', 'eyes', 'pupil', 'pupils', 'heart', 'lung',
  'lungs', 'liver', 'kidney', 'kidneys', 'bladder', 'bowel', 'bowels', 'colon', 'rectum', 'rectal', 'stomach', 'gut',
  'esophagus', 'trachea', 'bronchus', 'pleura', 'pleural', 'diaphragm', 'aorta', 'aortic', 'mitral', 'tricuspid',
  'ventricle', 'atrium', 'atrial', 'carotid', 'femoral', 'radial', 'brachial', 'pedal', 'popliteal', 'jugular',
  'subclavian', 'ij', 'brain', 'spine', 'spinal', 'lumbar', 'thoracic', 'cervical', 'pelvis', 'pelvic', 'uterus',
  'prostate', 'scrotum', 'penis', 'vagina', 'skin', 'bone', 'joint', 'muscle', 'vein', 'artery', 'neuro', 'cv', 'resp',
  'pulm', 'gi', 'gu', 'renal', 'endo', 'heme', 'id', 'psych', 'psychosocial', 'social', 'skin', 'integ', 'activity',
  'ms', 'mental', 'lle', 'rle', 'lue', 'rue', 'bue', 'ble', 'lll', 'rll', 'rul', 'lul', 'rml', 'llq', 'rlq', 'luq', 'ruq',
];

/** Procedures, tests, findings and conditions, including eponymous ones (Parkinson's, Bell's palsy). */
export const STOP_CLINICAL: readonly string[] = [
  'parkinson', 'parkinsons', 'alzheimer', 'alzheimers', 'crohn', 'crohns', 'hodgkin', 'hodgkins', 'addison', 'addisons',
  'cushing', 'cushings', 'hashimoto', 'guillain', 'barre', 'huntington', 'huntingtons', 'raynaud', 'raynauds',
  'sjogren', 'wegener', 'wegeners', 'kawasaki', 'marfan', 'bell', 'bells', 'gehrig',
  'meniere', 'menieres', 'paget', 'pagets', 'kaposi', 'barretts', 'whipple', 'nissen', 'billroth', 'roux',
  'babinski', 'trendelenburg',
  'valsalva', 'heimlich', 'glasgow', 'killip',
  'mallampati', 'korotkoff', 'wolff', 'parkinson-white', 'brugada', 'torsades', 'mobitz',
  'wenckebach', 'lown', 'ganong', 'korsakoff', 'wernicke', 'wernickes', 'reye',
  'hirschsprung', 'turner',
  'prinzmetal', 'takotsubo', 'kerley',
  'cough', 'coughing', 'sputum', 'secretions', 'wheeze', 'wheezes', 'rales', 'rhonchi', 'crackles', 'stridor', 'edema',
  'bolus', 'boluses', 'drip', 'gtt', 'gtts', 'infusion', 'wean', 'weaning', 'sedation', 'intubation', 'extubation',
  'extubated', 'intubated', 'trach', 'tracheostomy', 'peg', 'ngt', 'ogt', 'ett', 'cath', 'angio', 'angiogram', 'angioplasty',
  'stent', 'stents', 'stented', 'ptca', 'pci', 'cabg', 'avr', 'mvr', 'tee', 'tte', 'echo', 'ekg', 'ecg', 'eeg', 'emg',
  'cxr', 'kub', 'ct', 'cta', 'mri', 'mra', 'us', 'ultrasound', 'doppler', 'dopplerable', 'scan', 'xray', 'bronch',
  'bronchoscopy', 'egd', 'ercp', 'colonoscopy', 'endoscopy', 'paracentesis', 'thoracentesis', 'tap', 'lp', 'dialysis',
  'hd', 'cvvh', 'cvvhd', 'crrt', 'ultrafiltration', 'pheresis', 'transfusion', 'biopsy', 'debridement', 'drainage',
  'suction', 'suctioned', 'lavage', 'gavage', 'graft', 'grafts', 'bypass', 'ablation', 'cardioversion', 'defib',
  'pacer', 'pacing', 'paced', 'aicd', 'icd', 'ppm', 'iabp', 'balloon', 'lvad', 'vad', 'ecmo', 'tips', 'shunt', 'fistula',
  'sepsis', 'septic', 'pneumonia', 'pna', 'copd', 'chf', 'cad', 'mi', 'nstemi', 'stemi', 'afib', 'aflutter', 'svt',
  'vt', 'vfib', 'vf', 'pea', 'asystole', 'brady', 'bradycardia', 'tachy', 'tachycardia', 'nsr', 'sr', 'st', 'pvc',
  'pvcs', 'pac', 'pacs', 'vea', 'ectopy', 'bigeminy', 'trigeminy', 'htn', 'hypertension', 'hypotension', 'dm', 'niddm',
  'iddm', 'cva', 'tia', 'sah', 'sdh', 'ich', 'dvt', 'pe', 'uti', 'arf', 'atn', 'cri', 'esrd', 'ckd', 'gerd', 'pud',
  'gib', 'ugib', 'lgib', 'melena', 'hematemesis', 'hematuria', 'ards', 'ali', 'osa', 'etoh', 'dts', 'ciwa', 'mrsa',
  'vre', 'cdiff', 'diff', 'coli', 'staph', 'strep', 'aureus', 'aureous', 'klebsiella', 'pseudomonas', 'candida',
  'enterococcus', 'serratia', 'proteus', 'acinetobacter', 'thrush', 'lipoma', 'anemia', 'dementia', 'delirium',
  'pain', 'nausea', 'vomiting', 'diarrhea', 'constipation', 'fever', 'febrile', 'afebrile', 'chills', 'rigors',
  'stable', 'unstable', 'labile', 'lethargic', 'sleepy', 'drowsy', 'alert', 'oriented', 'confused', 'agitated',
  'restless', 'anxious', 'calm', 'comfortable', 'aware', 'updated', 'notified', 'informed', 'paged',
];

/** Devices, lines, equipment and their eponyms or trade names. */
export const STOP_DEVICES: readonly string[] = [
  'foley', 'swan', 'ganz', 'swan-ganz', 'hickman', 'broviac', 'groshong', 'portacath', 'mediport', 'picc', 'cvl', 'tlc',
  'cordis', 'introducer', 'aline', 'a-line', 'art-line', 'shiley', 'portex', 'bivona', 'jp',
  'hemovac', 'penrose', 'pleurevac', 'atrium', 'sump', 'dobhoff', 'corpak', 'keofeed', 'cortrak',
  'bair', 'hugger', 'kinair', 'clinitron', 'triadyne', 'rotorest', 'sequentials', 'scd', 'scds', 'teds', 'ted',
  'pneumoboots', 'mitts', 'restraints', 'ambu', 'bipap', 'cpap', 'niv', 'vent', 'ventilator',
  'venturi', 'nrb', 'nc', 'fm', 'cool', 'mist', 'neb', 'nebs', 'mdi',
  'mdis', 'yankauer', 'inline', 'trach', 'ett', 'lma', 'ambu', 'pca', 'pcea', 'epidural', 'pump', 'alaris',
  'flexiseal', 'rectal', 'purewick', 'lift',
  'kerlix', 'telfa', 'tegaderm', 'opsite', 'mepilex', 'allevyn', 'aquacel', 'xeroform',
  'vac', 'wound', 'ostomy', 'colostomy', 'ileostomy', 'urostomy', 'nephrostomy', 'suprapubic', 'coude', 'hemoclips',
  'steri', 'staples', 'sutures', 'dermabond', 'accucheck', 'accuchek', 'glucometer', 'fingerstick', 'fs', 'monitor',
  'telemetry', 'tele', 'pulse', 'oximeter', 'pleth', 'capnography', 'etco2', 'pa', 'cvp', 'pcwp', 'pad', 'pads',
  'svo2', 'mvo2', 'sao2', 'spo2', 'pao2', 'paco2', 'fio2', 'peep', 'psv', 'cmv', 'simv', 'prvc', 'aprv', 'ac', 'ps',
  'imv', 'tv', 'vt', 'rr', 'mv', 'nif', 'rsbi', 'ci', 'co', 'svr', 'pvr', 'sv', 'map',
];

/** Units, lab names, timing and measurement shorthand. */
export const STOP_UNITS_LABS: readonly string[] = [
  'mg', 'mcg', 'mcq', 'gm', 'gms', 'kg', 'lb', 'lbs', 'ml', 'cc', 'cm', 'mm', 'mmhg', 'meq', 'mmol', 'units', 'unit', 'iu',
  'hr', 'hrs', 'min', 'mins', 'sec', 'secs', 'wk', 'wks', 'mo', 'yr', 'yrs', 'am', 'pm', 'noc', 'hs', 'qd', 'qod', 'bid',
  'tid', 'qid', 'qh', 'qhs', 'prn', 'stat', 'po', 'pr', 'sl', 'sq', 'sc', 'im', 'iv', 'ivp', 'ivpb', 'gt', 'ng', 'og',
  'bun', 'cr', 'creat', 'na', 'cl', 'hco3', 'co2', 'glu', 'gluc', 'ca', 'mg', 'phos', 'wbc', 'rbc', 'hct', 'hgb', 'plt',
  'inr', 'ptt', 'pt', 'fibrinogen', 'ldh', 'ast', 'alt', 'alk', 'bili', 'tbili', 'amylase', 'lipase', 'ck', 'cpk', 'ckmb',
  'mb', 'trop', 'troponin', 'bnp', 'tsh', 'abg', 'abgs', 'vbg', 'lactate', 'ph', 'lytes', 'cbc', 'chem', 'coags', 'ua',
  'cx', 'cxs', 'gram', 'culture', 'cultures', 'sens', 'temp', 'tmax', 'bp', 'sbp', 'dbp', 'hr', 'sat', 'sats', 'o2',
  'uop', 'uo', 'io', 'ivf', 'ngt', 'vss', 'wnl', 'nad', 'npo', 'ssi', 'riss', 'fsbs', 'bs', 'bm', 'bms', 'ls', 'hob',
  'oob', 'rom', 'prom', 'arom', 'pt', 'ot', 'slp', 'rt', 'ekg', 'ck', 'dk', 'lt', 'rt', 'bilat', 'ant', 'post', 'lat',
  'sup', 'inf', 'prox', 'dist', 'mid', 'med', 'meds', 'tol', 'cont', 'inc', 'dec', 'decr', 'incr', 'approx', 'assoc',
  'fem', 'mech', 'perl', 'ing', 'fick', 'hoh', 'ota', 'ica', 'raf', 'sero', 've', 'lis', 'sev', 'chol', 'peri', 'dia',
  'ro', 'hem', 'ao', 'irr', 'ped', 'puls', 'uc', 'poss', 'marg', 'dopp', 'prev', 'contin', 'pnd', 'pend',
  'nt', 'nd', 'cdi', 'dsd', 'dsg', 'abx', 'hep', 'rad', 'ble', 'vs', 'mn', 'bb', 'pmd', 'ir', 'xr', 'pcu',
  'sb', 'nsb', 'lcs', 'vvi', 'ddd', 'aai', 'doo', 'vue', 'carevue', 'zoll', 'timi', 'situ', 'floro',
  'cal', 'anal', 'butt', 'ak', 'wm', 'tyl', 'sul', 'cheyne', 'kussmaul', 'carina', 'fos', 'atl',
  'hoyer', 'kling', 'usoh', 'synch', 'sync', 'osh', 'allegra', 'quinton', 'spike', 'spikes', 'spiked', 'bsn', 'ppd', 'tf', 'tfs', 'ob', 'ota', 'ivb', 'niece', 'lg', 'sm', 'mod', 'sl', 'ccu',
];

/**
 * Care units, roles, generic facility words and other shorthand that sit next to names and
 * places (and so must not be taken for them). Credentials (RN, MD) are cues, listed in
 * context.ts; they are stop words too, so "RN" is never reported as a name itself.
 */
export const STOP_ABBREVIATIONS: readonly string[] = [
  'icu', 'micu', 'sicu', 'ccu', 'cicu', 'csru', 'nsicu', 'tsicu', 'picu', 'nicu', 'vicu', 'pacu', 'or', 'er', 'ew', 'ed',
  'osh', 'ed', 'tcu', 'ltac', 'snf', 'rehab', 'vna', 'hospice', 'floor', 'unit', 'ward', 'room', 'rm', 'bed', 'pod',
  'md', 'mds', 'rn', 'rns', 'np', 'nps', 'pa', 'rrt', 'rt', 'lpn', 'cna', 'msw', 'lcsw', 'sw', 'cm', 'ho', 'hos', 'pgy',
  'attending', 'resident', 'residents', 'intern', 'fellow', 'team', 'staff', 'nursing', 'nsg', 'npn', 'nurse', 'pcp',
  'hcp', 'poa', 'dnr', 'dni', 'cmo', 'full', 'code', 'pt', 'pts', 'pt\'s', 'ptn', 'hx', 'pmh', 'pmhx', 'hpi', 'ros',
  'cc', 'cp', 'sob', 'doe', 'loc', 'aox3', 'aaox3', 'mae', 'perrl', 'perrla', 'ck', 'nkda', 'nka', 'sx', 'tx', 'rx', 'dx',
  'fx', 'sx', 'hx', 'bx', 'w/u', 'f/u', 'r/o', 's/p', 'c/o', 'd/c', 'dc', 'dcd', 'ok', 'oob', 'cont', 'mod', 'max',
  'min', 'sm', 'lg', 'amt', 'amts', 'mult', 'freq', 'occ', 'sl', 'sli', 'yel', 'cl', 'clr', 'wnl', 'neg', 'pos',
  'ams', 'ado', 'iddm', 'aaa', 'avm', 'ivc', 'svc', 'lad', 'lcx', 'rca', 'om', 'pda', 'lima', 'svg', 'ef', 'lvef',
  'va', 'er', 'ems', 'amb', 'medflight', 'flight', 'transport', 'stepdown', 'step', 'tele', 'cath', 'lab',
  'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun', 'monday', 'tuesday', 'wednesday', 'thursday',
  'friday', 'saturday', 'sunday', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov',
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november',
  'december', 'english', 'spanish', 'italian', 'russian', 'french', 'german', 'polish', 'greek', 'chinese', 'korean',
  'vietnamese', 'portuguese', 'creole', 'haitian', 'arabic', 'hebrew', 'yiddish', 'hindi', 'japanese', 'catholic',
  'jewish', 'christian', 'protestant', 'baptist', 'muslim', 'god', 'lord', 'jesus', 'christ', 'bible', 'chaplain',
  'mom', 'dad', 'wife', 'husband', 'son', 'daughter', 'dtr', 'family', 'friend', 'sister', 'brother', 'mother', 'father',
  'de', 'la', 'le', 'el', 'del', 'da', 'di', 'van', 'von', 'des', 'du', 'st', 'ste', 'mt', 'ft', 'so', 're', 'ra',
  'um', 'uh', 'mr', 'mrs', 'ms', 'miss', 'dr', 'drs', 'jr', 'sr', 'ii', 'iii', 'iv', 'esq', 'phd', 'bsn', 'msn',
];

/** Countries, continents and regions: not PHI under Safe Harbor, and often surnames in name lists. */
export const STOP_GEOGRAPHY: readonly string[] = [
  'europe', 'asia', 'africa', 'america', 'americas', 'australia', 'antarctica', 'england', 'britain', 'scotland', 'wales',
  'ireland', 'canada', 'mexico', 'italy', 'germany', 'france', 'spain', 'portugal', 'greece', 'poland', 'russia',
  'ukraine', 'china', 'india', 'japan', 'korea', 'vietnam', 'philippines', 'israel', 'egypt', 'iran', 'iraq', 'turkey',
  'brazil', 'argentina', 'colombia', 'peru', 'chile', 'cuba', 'haiti', 'jamaica', 'bermuda', 'bahamas', 'puerto',
  'rico', 'nigeria', 'kenya', 'ethiopia', 'lebanon', 'syria', 'pakistan', 'nepal', 'thailand', 'cambodia', 'laos',
];

/**
 * Eponymous scores and scales read as names ("Braden 14", "Apgar 8/9", "Morse fall score") and
 * the obstetric "gravida 2 para 1". Kept apart from the lists above because those are also the
 * NER model's gazetteer (models/phi-ner-lexicon.bin), fixed at training time: this list joins
 * it when the model is next retrained.
 */
export const STOP_SCORES: readonly string[] = ['braden', 'apgar', 'apgars', 'caprini', 'ranson', 'ransons', 'waterlow', 'norton', 'morse', 'gravida', 'para'];

/**
 * Identifier and date field labels of records and headers ("JOHN Q  MRN: 4455667", "DOB:", "EDD
 * 12/20"): never a name, nor part of one. Outside the NER gazetteer for the same reason as STOP_SCORES.
 */
export const STOP_FIELD_LABELS: readonly string[] = ['mrn', 'mrno', 'emrn', 'dob', 'dos', 'ssn', 'acct', 'csn', 'npi', 'psh', 'ehr', 'emr', 'edd', 'edc', 'lmp'];

/**
 * More countries and regions (not PHI: Safe Harbor removes subdivisions smaller than a state).
 * Left out: those that are also first names or US places (Jordan, Georgia, Chad, Panama).
 * Outside the NER gazetteer, like STOP_SCORES.
 */
export const STOP_COUNTRIES: readonly string[] = [
  'norway', 'sweden', 'denmark', 'finland', 'iceland', 'netherlands', 'holland', 'belgium', 'switzerland', 'austria',
  'hungary', 'czechia', 'slovakia', 'romania', 'bulgaria', 'serbia', 'croatia', 'bosnia', 'slovenia', 'albania',
  'lithuania', 'latvia', 'estonia', 'belarus', 'moldova', 'armenia', 'azerbaijan', 'kazakhstan', 'uzbekistan',
  'afghanistan', 'bangladesh', 'myanmar', 'burma', 'malaysia', 'singapore', 'indonesia', 'taiwan', 'mongolia',
  'venezuela', 'ecuador', 'bolivia', 'paraguay', 'uruguay', 'guatemala', 'honduras', 'nicaragua', 'morocco', 'algeria',
  'tunisia', 'libya', 'sudan', 'somalia', 'uganda', 'tanzania', 'rwanda', 'congo', 'ghana', 'senegal', 'cameroon',
  'angola', 'zambia', 'zimbabwe', 'mozambique', 'namibia', 'botswana', 'madagascar', 'liberia', 'yemen', 'oman',
  'qatar', 'kuwait', 'bahrain', 'uae', 'cyprus', 'malta', 'luxembourg', 'scandinavia', 'balkans', 'caribbean',
];

/** Every list above, as one array (lowercase; duplicates are harmless). */
export const DEFAULT_CLINICAL_STOP_WORDS: readonly string[] = Object.freeze([
  ...STOP_DRUGS,
  ...STOP_ANATOMY,
  ...STOP_CLINICAL,
  ...STOP_DEVICES,
  ...STOP_UNITS_LABS,
  ...STOP_ABBREVIATIONS,
  ...STOP_GEOGRAPHY,
  ...STOP_SCORES,
  ...STOP_FIELD_LABELS,
  ...STOP_COUNTRIES,
]);

/**
 * A lookup set: the defaults (unless `replaceDefaults`) plus `extra`, lowercased. Multi-word
 * entries are split into words ("swan ganz" stops both).
 */
export function createStopList(extra: readonly string[] = [], replaceDefaults = false): ReadonlySet<string> {
  const set = new Set<string>();
  for (const list of [replaceDefaults ? [] : DEFAULT_CLINICAL_STOP_WORDS, extra]) {
    for (const w of list) {
      for (const part of w.toLowerCase().split(/[^\p{L}\p{N}']+/u)) if (part) set.add(part);
      set.add(w.toLowerCase());
    }
  }
  return set;
}
