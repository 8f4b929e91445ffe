/**
 * Server-sent events, parsed and written per the WHATWG HTML spec (section 9.2): lines end in
 * CRLF, LF or CR; `data` lines join with '\n'; a blank line dispatches; lines starting with ':'
 * are comments. Comments and unknown fields are kept so a transformed stream stays faithful
 * (keep-alive comments still flow through at once).
 */
export interface SseEvent {
  kind: 'event';
  /** The `event:` field, when present. */
  event?: string;
  id?: string;
  retry?: string;
  data: string;
}

export interface SseComment {
  kind: 'comment';
  text: string;
}

export type SseItem = SseEvent | SseComment;

export interface SseParser {
  /** Feed decoded text; returns the items completed by it. */
  push(text: string): SseItem[];
  /** End of stream: a final event without its blank line is dispatched too (lenient). */
  end(): SseItem[];
}

export function createSseParser(): SseParser {
  let rest = '';
  let first = true;
  let cur: { event?: string; id?: string; retry?: string; data: string[] } = { data: [] };
  let hasFields = false;

  function line(l: string, out: SseItem[]): void {
    if (l === '') {
      if (hasFields) {
        const ev: SseEvent = { kind: 'event', data: cur.data.join('\n') };
        if (cur.event !== undefined) ev.event = cur.event;
        if (cur.id !== undefined) ev.id = cur.id;
        if (cur.retry !== undefined) ev.retry = cur.retry;
        out.push(ev);
      }
      cur = { data: [] };
      hasFields = false;
      return;
    }
    if (l.charCodeAt(0) === 58) {
      out.push({ kind: 'comment', text: l.slice(1).replace(/^ /, '') });
      return;
    }
    const colon = l.indexOf(':');
    const field = colon === -1 ? l : l.slice(0, colon);
    let value = colon === -1 ? '' : l.slice(colon + 1);
    if (value.charCodeAt(0) === 32) value = value.slice(1);
    hasFields = true;
    if (field === 'data') cur.data.push(value);
    else if (field === 'event') cur.event = value;
    else if (field === 'id') cur.id = value;
    else if (field === 'retry') cur.retry = value;
  }

  function split(text: string, final: boolean): SseItem[] {
    let buf = rest + text;
    if (first && buf.length > 0) {
      if (buf.charCodeAt(0) === 0xfeff) buf = buf.slice(1);
      first = false;
    }
    const out: SseItem[] = [];
    let i = 0;
    for (;;) {
      const lf = buf.indexOf('\n', i);
      const cr = buf.indexOf('\r', i);
      if (lf === -1 && cr === -1) break;
      const stop = lf === -1 ? cr : cr === -1 ? lf : Math.min(lf, cr);
      // A CR at the very end may be the first half of CRLF: wait for the next chunk.
      if (stop === cr && cr === buf.length - 1 && !final) break;
      line(buf.slice(i, stop), out);
      i = stop + (stop === cr && buf.charCodeAt(cr + 1) === 10 ? 2 : 1);
    }
    rest = buf.slice(i);
    if (final) {
      if (rest !== '') line(rest, out);
      rest = '';
      line('', out);
    }
    return out;
  }

  return {
    push: function pushSse(text: string) {
      return split(text, false);
    },
    end: function endSse() {
      return split('', true);
    },
  };
}

/** Serialise one item; a data value with newlines becomes several `data:` lines. */
export function formatSseItem(item: SseItem): string {
  if (item.kind === 'comment') return `: ${item.text}\n\n`;
  let out = '';
  if (item.event !== undefined) out += `event: ${item.event}\n`;
  if (item.id !== undefined) out += `id: ${item.id}\n`;
  if (item.retry !== undefined) out += `retry: ${item.retry}\n`;
  for (const l of item.data.split(/\r\n|\r|\n/)) out += `data: ${l}\n`;
  return out + '\n';
}
