/** Header handling shared by the adapters. */

/** RFC 9110 section 7.6.1 connection-specific headers, plus the proxy-era ones. */
export const HOP_BY_HOP_HEADERS: readonly string[] = [
  'connection', 'keep-alive', 'proxy-authenticate', 'proxy-authorization', 'proxy-connection', 'te', 'trailer',
  'transfer-encoding', 'upgrade',
];

/** A copy of `headers` without hop-by-hop headers (and those named in Connection) or `drop`. */
export function withoutHopByHop(headers: Headers, drop: readonly string[] = []): Headers {
  const out = new Headers();
  const named = new Set([...HOP_BY_HOP_HEADERS, ...drop]);
  for (const token of (headers.get('connection') ?? '').split(',')) {
    const t = token.trim().toLowerCase();
    if (t) named.add(t);
  }
  headers.forEach((value, key) => {
    if (!named.has(key.toLowerCase())) out.append(key, value);
  });
  return out;
}

const SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The caller's request id when it is short and plain, else a fresh random UUID. */
export function requestIdFrom(incoming: string | null | undefined): string {
  if (incoming && SAFE_ID.test(incoming)) return incoming;
  return crypto.randomUUID();
}

/** `application/json` or `application/*+json`, with no charset or a UTF-8 one. */
export function isJsonContentType(value: string | null | undefined): boolean {
  if (!value) return false;
  const [type, ...params] = value.toLowerCase().split(';');
  const t = (type ?? '').trim();
  if (t !== 'application/json' && !(t.startsWith('application/') && t.endsWith('+json'))) return false;
  for (const p of params) {
    const [k, v] = p.split('=').map((s) => s.trim().replace(/^"|"$/g, ''));
    if (k === 'charset' && v !== 'utf-8' && v !== 'utf8') return false;
  }
  return true;
}

/** Entity counts as a header value: `DATE=1, NAME=2` (types and numbers only). */
export function formatCounts(counts: Readonly<Record<string, number>>): string {
  return Object.keys(counts)
    .sort()
    .map((k) => `${k}=${counts[k]}`)
    .join(', ');
}
