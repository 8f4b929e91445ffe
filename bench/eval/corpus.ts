/**
 * Corpus loaders for the eval: the PhysioNet deid format (a folder with id.text and
 * id-phi.phrase) and our own JSONL (`{"id","text","spans":[{"start","end","type"}]}`, one
 * document a line, canonical ENTITY_TYPES). Both give the same `GoldDoc` shape.
 *
 * Errors name files, line numbers and offsets, never document text.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isEntityType } from '../../src/types.js';

export interface GoldSpan {
  start: number;
  end: number;
  /** Canonical type (physionet categories are mapped, see PHYSIONET_TYPE_MAP). */
  type: string;
  /** The corpus's own category, when it differs from `type`. */
  rawType?: string;
}

export interface GoldDoc {
  id: string;
  text: string;
  spans: GoldSpan[];
  /** Synthetic documents' kind and style (JSONL fields), for per-group breakdowns. */
  kind?: string;
  style?: string;
}

export interface Corpus {
  name: string;
  format: 'physionet' | 'jsonl';
  /** Gold types are our canonical types, so predicted types can be checked too. */
  typed: boolean;
  docs: GoldDoc[];
}

/** PhysioNet deid categories -> canonical types, as the acceptance README defines. */
export const PHYSIONET_TYPE_MAP: Readonly<Record<string, string>> = Object.freeze({
  HCPName: 'NAME',
  PTName: 'NAME',
  PTNameInitial: 'NAME',
  RelativeProxyName: 'NAME',
  Location: 'LOCATION',
  Date: 'DATE',
  DateYear: 'DATE',
  Phone: 'PHONE',
  Age: 'AGE',
  Other: 'OTHER_ID',
});

const RECORD_RE = /START_OF_RECORD=([^|\n]+)\|\|\|\|([^|\n]+)\|\|\|\|\r?\n([\s\S]*?)\|\|\|\|END_OF_RECORD/g;

/**
 * Read a PhysioNet-format folder. Offsets are into the body (the text after the START line's
 * newline, up to `||||END_OF_RECORD`); every span's surface words are checked against the body.
 */
export function loadPhysionet(dir: string): Corpus {
  const textPath = join(dir, 'id.text');
  const phrasePath = join(dir, 'id-phi.phrase');
  if (!existsSync(textPath) || !existsSync(phrasePath)) {
    throw new Error(`Not a PhysioNet deid folder (need id.text and id-phi.phrase): ${dir}`);
  }
  const raw = readFileSync(textPath, 'utf8');
  const docs = new Map<string, GoldDoc>();
  for (const m of raw.matchAll(RECORD_RE)) {
    const id = `${m[1]}-${m[2]}`;
    docs.set(id, { id, text: m[3] ?? '', spans: [] });
  }
  const lines = readFileSync(phrasePath, 'utf8').split('\n');
  let mismatches = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').trim();
    if (line === '') continue;
    const [patient, note, s, e, rawType, ...words] = line.split(/\s+/);
    const doc = docs.get(`${patient}-${note}`);
    const start = Number(s);
    const end = Number(e);
    if (!doc || !Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > doc.text.length || end <= start) {
      throw new Error(`${phrasePath}:${i + 1}: span does not fit a document (offsets ${s}-${e})`);
    }
    const surface = doc.text.slice(start, end).replace(/\s+/g, ' ').trim();
    if (surface !== words.join(' ')) mismatches++;
    const type = PHYSIONET_TYPE_MAP[rawType ?? ''] ?? 'OTHER_ID';
    doc.spans.push({ start, end, type, rawType: rawType ?? '' });
  }
  if (mismatches > 0) {
    throw new Error(`${phrasePath}: ${mismatches} span(s) whose offsets do not match their surface words`);
  }
  return { name: dir, format: 'physionet', typed: false, docs: [...docs.values()] };
}

/** Read our JSONL gold format; spans are validated (canonical type, in bounds). */
export function loadJsonl(path: string): Corpus {
  const lines = readFileSync(path, 'utf8').split('\n');
  const docs: GoldDoc[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').trim();
    if (line === '') continue;
    let obj: unknown;
    try {
      obj = JSON.parse(line);
    } catch {
      throw new Error(`${path}:${i + 1}: not valid JSON`);
    }
    const o = obj as { id?: unknown; text?: unknown; spans?: unknown };
    if (typeof o.text !== 'string' || !Array.isArray(o.spans)) {
      throw new Error(`${path}:${i + 1}: expected {"id","text","spans":[...]}`);
    }
    const text = o.text;
    const spans: GoldSpan[] = [];
    for (const sp of o.spans as { start?: unknown; end?: unknown; type?: unknown }[]) {
      const { start, end, type } = sp;
      if (typeof start !== 'number' || typeof end !== 'number' || !Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || end <= start) {
        throw new Error(`${path}:${i + 1}: span offsets out of bounds (${String(start)}-${String(end)})`);
      }
      if (!isEntityType(type)) throw new Error(`${path}:${i + 1}: span type is not one of ENTITY_TYPES`);
      spans.push({ start, end, type });
    }
    const doc: GoldDoc = { id: typeof o.id === 'string' || typeof o.id === 'number' ? String(o.id) : String(docs.length), text, spans };
    const extra = obj as { kind?: unknown; style?: unknown };
    if (typeof extra.kind === 'string') doc.kind = extra.kind;
    if (typeof extra.style === 'string') doc.style = extra.style;
    docs.push(doc);
  }
  return { name: path, format: 'jsonl', typed: true, docs };
}

/** A folder is read as PhysioNet format, a file as JSONL. */
export function loadCorpus(path: string): Corpus {
  if (!existsSync(path)) throw new Error(`Corpus not found: ${path}`);
  return statSync(path).isDirectory() ? loadPhysionet(path) : loadJsonl(path);
}
