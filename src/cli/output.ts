import { once } from 'node:events';

/**
 * Write to stdout honouring backpressure: when the pipe's buffer is full, wait for `drain`
 * before producing more, so a slow reader never makes us buffer a whole file in memory.
 */
export async function writeOut(chunk: string, stream: NodeJS.WritableStream = process.stdout): Promise<void> {
  if (chunk.length === 0) return;
  if (!stream.write(chunk)) await once(stream, 'drain');
}
