import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';
import type { Readable } from 'node:stream';
import { InputError } from '../errors.js';

/**
 * Input for the commands: a file path or `-`/nothing for stdin. Errors name the errno code and
 * never the path (a file name can itself be PHI: `jane_doe_2021-03-14.txt`).
 */
export interface InputSource {
  stream: Readable;
  /** Bytes in the input when known (a regular file), for the progress bar. */
  size: number | undefined;
}

function unreadable(err: unknown): InputError {
  const code = (err as NodeJS.ErrnoException | undefined)?.code ?? 'EIO';
  return new InputError('E_INPUT_UNREADABLE', `Cannot read the input file (${String(code).slice(0, 20)})`);
}

export async function openInput(file: string | undefined, stdin: Readable = process.stdin): Promise<InputSource> {
  if (file === undefined || file === '-') return { stream: stdin, size: undefined };
  let size: number | undefined;
  try {
    const st = await stat(file);
    if (st.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
    size = st.isFile() ? st.size : undefined;
  } catch (err) {
    throw unreadable(err);
  }
  const stream = createReadStream(file);
  // Surface open errors (EACCES) as a typed error on first read rather than an unhandled event.
  await new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve());
    stream.once('error', (err) => reject(unreadable(err)));
  });
  return { stream, size };
}

/** Read a whole input as UTF-8, refusing more than `maxChars` UTF-16 code units. */
export async function readAll(source: InputSource, maxChars: number): Promise<string> {
  const decoder = new StringDecoder('utf8');
  const parts: string[] = [];
  let length = 0;
  try {
    for await (const chunk of source.stream) {
      const s = typeof chunk === 'string' ? chunk : decoder.write(chunk as Buffer);
      length += s.length;
      if (length > maxChars) throw new InputError('E_INPUT_TOO_LARGE', `Input is over the maximum of ${maxChars} code units`);
      parts.push(s);
    }
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw unreadable(err);
  }
  parts.push(decoder.end());
  const text = parts.join('');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export interface Line {
  text: string;
  /** 1-based line number. */
  number: number;
  /** Bytes consumed from the input so far, newline included. */
  bytesRead: number;
}

/**
 * Split a byte stream into lines (LF or CRLF) without holding more than one line plus one chunk:
 * `for await` pulls a chunk only when the consumer asks for the next line, so a slow consumer
 * pauses the input (backpressure) and memory stays flat on any file size. Unlike `readline`,
 * a line longer than `maxLineBytes` is an InputError instead of an unbounded buffer.
 */
export async function* readLines(stream: Readable, maxLineBytes: number): AsyncGenerator<Line> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let number = 0;
  let bytesRead = 0;
  // A newline byte never occurs inside a multi-byte UTF-8 sequence, so each line decodes alone.
  const finish = (buf: Buffer): string => {
    let s = buf.toString('utf8');
    if (s.endsWith('\r')) s = s.slice(0, -1);
    if (number === 1 && s.charCodeAt(0) === 0xfeff) s = s.slice(1);
    return s;
  };
  const tooLong = () => new InputError('E_INPUT_TOO_LARGE', `Line ${number + 1} is longer than ${maxLineBytes} bytes`);
  let iterator: AsyncIterator<unknown>;
  try {
    iterator = stream[Symbol.asyncIterator]();
  } catch (err) {
    throw unreadable(err);
  }
  try {
    for (;;) {
      let next: IteratorResult<unknown>;
      try {
        next = await iterator.next();
      } catch (err) {
        throw unreadable(err);
      }
      if (next.done) break;
      const chunk = typeof next.value === 'string' ? Buffer.from(next.value, 'utf8') : (next.value as Buffer);
      let from = 0;
      for (let nl = chunk.indexOf(10, from); nl !== -1; nl = chunk.indexOf(10, from)) {
        const piece = chunk.subarray(from, nl);
        if (pendingBytes + piece.length > maxLineBytes) throw tooLong();
        const line = pending.length === 0 ? piece : Buffer.concat([...pending, piece]);
        bytesRead += pendingBytes + piece.length + 1;
        pending = [];
        pendingBytes = 0;
        number++;
        yield { text: finish(line), number, bytesRead };
        from = nl + 1;
      }
      if (from < chunk.length) {
        const rest = chunk.subarray(from);
        if (pendingBytes + rest.length > maxLineBytes) throw tooLong();
        pending.push(rest);
        pendingBytes += rest.length;
      }
    }
    if (pendingBytes > 0) {
      bytesRead += pendingBytes;
      number++;
      yield { text: finish(Buffer.concat(pending)), number, bytesRead };
    }
  } finally {
    // Stopped early (an error in the consumer): release the file.
    await iterator.return?.();
  }
}
