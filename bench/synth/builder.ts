/**
 * Builds a document and its gold spans together, so offsets are exact by construction: text is
 * appended piece by piece and PHI pieces record their span. Case styles are applied per piece at
 * build time (toUpperCase can change a string's length, e.g. "ß" -> "SS"), and offsets are
 * computed after the transform.
 */
import type { EntityType } from '../../src/types.js';

export interface GoldSpan {
  start: number;
  end: number;
  type: EntityType;
}

export type CaseStyle = 'mixed' | 'upper' | 'lower';

interface Piece {
  text: string;
  type?: EntityType;
}

export class DocBuilder {
  private readonly pieces: Piece[] = [];

  /** Plain (non-PHI) text. */
  t(...parts: string[]): this {
    for (const p of parts) if (p !== '') this.pieces.push({ text: p });
    return this;
  }

  /** A PHI value of `type`. Surrounding whitespace is kept out of the span. */
  p(type: EntityType, value: string): this {
    const lead = /^\s*/.exec(value)?.[0] ?? '';
    const trail = /\s*$/.exec(value)?.[0] ?? '';
    const core = value.slice(lead.length, value.length - trail.length);
    if (lead) this.t(lead);
    if (core) this.pieces.push({ text: core, type });
    if (trail) this.t(trail);
    return this;
  }

  nl(n = 1): this {
    return this.t('\n'.repeat(n));
  }

  /** Current length in the mixed-case text (used by templates to decide on wrapping). */
  get length(): number {
    let n = 0;
    for (const p of this.pieces) n += p.text.length;
    return n;
  }

  build(style: CaseStyle = 'mixed'): { text: string; spans: GoldSpan[] } {
    const out: string[] = [];
    const spans: GoldSpan[] = [];
    let at = 0;
    for (const piece of this.pieces) {
      const s = style === 'upper' ? piece.text.toUpperCase() : style === 'lower' ? piece.text.toLowerCase() : piece.text;
      if (piece.type) {
        // Adjacent PHI pieces of the same type (e.g. a date and its time) become one span.
        const last = spans.at(-1);
        if (last && last.end === at && last.type === piece.type) last.end = at + s.length;
        else spans.push({ start: at, end: at + s.length, type: piece.type });
      }
      out.push(s);
      at += s.length;
    }
    return { text: out.join(''), spans };
  }
}
