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
    const mod = (await import('@dawn-analytics/redact-pii')) as unknown as { SyncRedactor: new () => { redact(t: string): string } };
    const r = new mod.SyncRedactor();
    return { id: 'redact-pii', pkg: `@dawn-analytics/redact-pii@${await version('@dawn-analytics/redact-pii')}`, redact: (t) => r.redact(t) };
  },
  '@redactpii/node': async () => {
    const mod = (await import('@redactpii/node')) as unknown as { Redactor: new () => { redact(t: string): string } };
    const r = new mod.Redactor();
    return { id: '@redactpii/node', pkg: `@redactpii/node@${await version('@redactpii/node')}`, redact: (t) => r.redact(t) };
  },
  openredaction: async () => {
    const mod = (await import('@openredaction/core')) as unknown as {
      OpenRedaction: new () => { detect(t: string): Promise<{ redacted: string }> };
    };
    const r = new mod.OpenRedaction();
    return { id: 'openredaction', pkg: `@openredaction/core@${await version('@openredaction/core')}`, redact: async (t) => (await r.detect(t)).redacted };
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
