/**
 * The random source every template draws from: a seeded Faker instance plus small helpers.
 * Everything random goes through `f` (never Math.random) so a seed reproduces a corpus exactly.
 *
 * `split` partitions the *surface variety* (cue words and value formats) in two: 'dev' uses the
 * even-indexed entries of each variant list, 'holdout' the odd-indexed ones, 'all' both. Tuning
 * detectors on 'dev' and scoring on 'holdout' measures whether they generalise to cue words and
 * formats they were not tuned on, the way an unseen acceptance corpus would.
 */
import { Faker, base, en, en_US } from '@faker-js/faker';

export type Split = 'all' | 'dev' | 'holdout';

export interface Persona {
  first: string;
  middle: string;
  last: string;
  sex: 'female' | 'male';
  dob: Date;
}

export class Gen {
  readonly f: Faker;
  readonly split: Split;
  /** Terse register (abbreviations, fragments) instead of prose. Set per document. */
  terse = false;
  patient!: Persona;

  constructor(seed: number, split: Split) {
    this.f = new Faker({ locale: [en_US, en, base] });
    this.f.seed(seed);
    this.split = split;
  }

  int(min: number, max: number): number {
    return this.f.number.int({ min, max });
  }

  chance(p: number): boolean {
    return this.f.number.float({ min: 0, max: 1 }) < p;
  }

  /** Any element (no split filtering): for content, not surface cues. */
  pick<T>(xs: readonly T[]): T {
    return this.f.helpers.arrayElement(xs as T[]);
  }

  /** A split-filtered element: for cue words and formats (see the file comment). */
  cue<T>(xs: readonly T[]): T {
    if (this.split === 'all' || xs.length < 2) return this.pick(xs);
    const parity = this.split === 'dev' ? 0 : 1;
    const subset = xs.filter((_, i) => i % 2 === parity);
    return this.pick(subset);
  }

  digits(n: number): string {
    return this.f.string.numeric({ length: n, allowLeadingZeros: true });
  }

  letters(n: number, exclude = ''): string {
    let s = '';
    while (s.length < n) {
      const c = String.fromCharCode(65 + this.int(0, 25));
      if (!exclude.includes(c)) s += c;
    }
    return s;
  }

  /** A date between two years (inclusive), at a random time of day. */
  date(fromYear: number, toYear: number): Date {
    return this.f.date.between({ from: new Date(Date.UTC(fromYear, 0, 1)), to: new Date(Date.UTC(toYear, 11, 31, 23, 59)) });
  }

  newPatient(): Persona {
    const sex = this.chance(0.5) ? 'female' : 'male';
    this.patient = {
      sex,
      first: personFirst(this, sex),
      middle: this.f.person.firstName(sex),
      last: personLast(this),
      dob: this.date(1931, 2008),
    };
    return this.patient;
  }
}

/** Names outside faker's en_US lists: accents, apostrophes, hyphens, particles, short names. */
const EXTRA_FIRST = ['José', 'Zoë', 'Nguyễn', 'Siobhán', 'Aaliyah', 'Oluwaseun', 'Mei', 'Björn', 'Renée', 'Jae-won', 'Ana', 'Li', 'Priya', 'Mohammed', 'Élodie', 'Xiomara'];
const EXTRA_LAST = ["O'Brien", 'Müller', 'García-López', 'van der Berg', 'Nguyen', 'Okafor', 'Kowalski', 'Da Silva', "D'Angelo", 'Patel', 'Ng', 'Schäfer', 'McAllister', 'Abdi', 'Rossi', 'Ibáñez'];

export function personFirst(g: Gen, sex?: 'female' | 'male'): string {
  return g.chance(0.15) ? g.pick(EXTRA_FIRST) : g.f.person.firstName(sex);
}

export function personLast(g: Gen): string {
  return g.chance(0.15) ? g.pick(EXTRA_LAST) : g.f.person.lastName();
}
