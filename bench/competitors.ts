/**
 * Other JavaScript PII-redaction packages, measured side by side with phi-guard on the same text
 * in the same process. Each is a devDependency (MIT). They are loaded lazily so a missing one only
 * drops its row. Each adapter returns the redacted text, the work a caller would ask for.
 *
 * - redact-pii (via @dawn-analytics/redact-pii, the maintained fork of redact-pii's regex engine
 *   without the Google DLP dependency): `new SyncRedactor().redact(text)`
 * - @redactpii/node: zero-dependency regex redactor, `new Redactor().redact(text)`
 * - openredaction (@openredaction/core, 570+ patterns): `await new OpenRedaction().detect(text)`
 */

export interface Competitor {
  id: string;
  /** Package and version, for the report. */
  pkg: string;
  redact(text: string): string | Promise<string>;
  /** Where it redacted, as offsets (for `npm run eval -- --system <id>`); types are not comparable. */
  spans(text: string): Promise<{ start: number; end: number }[]>;
}

/**
 * A private-use character as the global replacement, so the redacted text splits into the literal
 * pieces the package kept; the gaps between them in the original are what it redacted. Greedy
 * left-to-right matching: exact unless a kept piece also occurs inside the redacted value just
 * before it (rare; it can only shorten a span).
 */
export const SENTINEL = '\uE000';

export function spansFromSentinel(original: string, redacted: string): { start: number; end: number }[] {
  const pieces = redacted.split(SENTINEL);
  if (pieces.length === 1) return [];
  const out: { start: number; end: number }[] = [];
  let cursor = (pieces[0] ?? '').length;
  for (let i = 1; i < pieces.length; i++) {
    const piece = pieces[i] ?? '';
    let at: number;
    if (i === pieces.length - 1) at = original.length - piece.length;
    else if (piece === '') at = cursor + 1; // two replacements in a row: cannot tell where one ends
    else at = original.indexOf(piece, cursor + 1);
    if (at < cursor + 1) at = Math.min(original.length, cursor + 1);
    out.push({ start: cursor, end: at });
    cursor = at + piece.length;
  }
  return out;
}

/** Installed version, read from the package's own package.json (exports maps may hide it). */
async function version(pkg: string): Promise<string> {
  try {
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { fileURLToPath } = await import('node:url');
    const root = join(fileURLToPath(new URL('..', import.meta.url)), 'node_modules', ...pkg.split('/'));
    return (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '?';
  }
}

type Loader = () => Promise<Competitor>;

export const COMPETITORS: Readonly<Record<string, Loader>> = {
  'redact-pii': async () => {
    const mod = (await import('@dawn-analytics/redact-pii')) as unknown as { SyncRedactor: new (o?: { globalReplaceWith?: string }) => { redact(t: string): string } };
    const r = new mod.SyncRedactor();
    const marker = new mod.SyncRedactor({ globalReplaceWith: SENTINEL });
    return {
      id: 'redact-pii',
      pkg: `@dawn-analytics/redact-pii@${await version('@dawn-analytics/redact-pii')}`,
      redact: (t) => r.redact(t),
      spans: async (t) => spansFromSentinel(t, marker.redact(t)),
    };
  },
  '@redactpii/node': async () => {
    const mod = (await import('@redactpii/node')) as unknown as { Redactor: new (o?: { globalReplaceWith?: string }) => { redact(t: string): string } };
    const r = new mod.Redactor();
    const marker = new mod.Redactor({ globalReplaceWith: SENTINEL });
    return {
      id: '@redactpii/node',
      pkg: `@redactpii/node@${await version('@redactpii/node')}`,
      redact: (t) => r.redact(t),
      spans: async (t) => spansFromSentinel(t, marker.redact(t)),
    };
  },
  openredaction: async () => {
    const mod = (await import('@openredaction/core')) as unknown as {
      OpenRedaction: new () => { detect(t: string): Promise<{ redacted: string; detections: { position: [number, number] }[] }> };
    };
    const r = new mod.OpenRedaction();
    return {
      id: 'openredaction',
      pkg: `@openredaction/core@${await version('@openredaction/core')}`,
      redact: async (t) => (await r.detect(t)).redacted,
      spans: async (t) => (await r.detect(t)).detections.map((d) => ({ start: d.position[0], end: d.position[1] })),
    };
  },
};

/** Load the named competitors; ones that fail to load are reported, not fatal. */
export async function loadCompetitors(ids: readonly string[]): Promise<{ loaded: Competitor[]; failed: string[] }> {
  const loaded: Competitor[] = [];
  const failed: string[] = [];
  for (const id of ids) {
    const load = COMPETITORS[id];
    if (!load) {
      failed.push(`${id} (unknown)`);
      continue;
    }
    try {
      loaded.push(await load());
    } catch (err) {
      failed.push(`${id} (${err instanceof Error ? err.name : 'error'})`);
    }
  }
  return { loaded, failed };
}
