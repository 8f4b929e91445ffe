/**
 * Hashed features for the learned injection scorer, shared by inference (learned.ts) and the
 * training script (bench/train-injection.ts) so both see exactly the same vector.
 *
 * Input is the folded view (lowercase, NFKC, accents stripped, look-alikes and l33t mapped).
 * Features: word unigrams and word bigrams, hashed with FNV-1a (a per-kind seed) into 2^18
 * buckets. Binary presence, scaled by 1/sqrt(count) so long prompts do not saturate the logit.
 * Character 3-5-grams were tried and dropped: in cross-validation by source they learned the
 * writing style of each source (false positives on unseen benign sources doubled) without
 * improving detection. Spelling tricks are handled by the folded view instead.
 *
 * Only the first FEATURE_CHAR_LIMIT characters are featurised: the opening of a jailbreak is as
 * telling as the rest, and it bounds the cost on long prompts.
 */

export const FEATURE_BITS = 18;
export const FEATURE_BUCKETS = 1 << FEATURE_BITS;
export const FEATURE_CHAR_LIMIT = 8000;
const MASK = FEATURE_BUCKETS - 1;

const SEED_WORD = 0x811c9dc5;
const SEED_BIGRAM = 0x01000193;

function isWordUnit(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 39 || (c >= 0xc0 && c !== 0xd7 && c !== 0xf7 && !(c >= 0x2000 && c <= 0x2bff) && !(c >= 0x3000 && c <= 0x303f) && !(c >= 0xd800 && c <= 0xdfff) && c !== 0xfffd);
}

function fnvStep(h: number, c: number): number {
  return Math.imul(h ^ c, 0x01000193) >>> 0;
}

/** Visit each feature bucket of `fold` once (duplicates allowed; the caller dedupes). */
export function forEachFeature(fold: string, visit: (bucket: number) => void): void {
  const n = Math.min(fold.length, FEATURE_CHAR_LIMIT);
  let prevWordHash = -1;
  let i = 0;
  while (i < n) {
    while (i < n && !isWordUnit(fold.charCodeAt(i))) i++;
    if (i >= n) break;
    const start = i;
    let h = SEED_WORD;
    while (i < n && isWordUnit(fold.charCodeAt(i))) {
      h = fnvStep(h, fold.charCodeAt(i));
      i++;
    }
    const end = i;
    const len = end - start;
    if (len > 40) {
      prevWordHash = -1;
      continue; // blobs and URLs: the encoding rule's business
    }
    visit(h & MASK);
    if (prevWordHash >= 0) visit(fnvStep(fnvStep(SEED_BIGRAM, prevWordHash), h) & MASK);
    prevWordHash = h;
  }
}

/**
 * Unique feature buckets of `fold`, sorted. Used by training (allocation is fine there);
 * inference dedupes with a generation-stamped table instead.
 */
export function featureBuckets(fold: string): Uint32Array {
  const set = new Set<number>();
  forEachFeature(fold, (b) => set.add(b));
  return Uint32Array.from(set).sort();
}
