/**
 * The contract every incremental text transform in this folder follows: text goes in as
 * arbitrary chunks, transformed text comes out, and the concatenation of everything returned
 * by `push` and `end` depends only on the concatenated input, never on where it was cut.
 */
export interface TextTransform {
  /** Feed the next chunk; returns the text that is now safe to release (may be ''). */
  push(chunk: string): string | Promise<string>;
  /** The input is complete; returns everything still held back. */
  end(): string | Promise<string>;
  /** Code units currently held back (for tests and metrics; never the text). */
  readonly held: number;
}
