import cliProgress from 'cli-progress';

/** Progress reporting for long runs: counts bytes and lines, never shows content. */
export interface Progress {
  update(bytesRead: number, lines: number): void;
  stop(): void;
}

const NOOP: Progress = { update() {}, stop() {} };

function mb(bytes: number): string {
  return `${(bytes / 1_048_576).toFixed(1)} MB`;
}

/**
 * A bar on stderr when stderr is a terminal (never on a pipe or file, so logs and CI output
 * stay clean): bytes read of the file's size when known, otherwise bytes and lines so far.
 */
export function createProgress(total: number | undefined, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY) return NOOP;
  const known = total !== undefined && total > 0;
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: known ? 'phi-guard {bar} {percentage}% | {done} of {size} | {lines} lines | ETA {eta_formatted}' : 'phi-guard {done} | {lines} lines',
      hideCursor: true,
      clearOnComplete: true,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(known ? total : 1, 0, { done: mb(0), size: known ? mb(total) : '', lines: 0 });
  return {
    update: function updateProgress(bytesRead, lines) {
      bar.update(known ? Math.min(bytesRead, total) : 0, { done: mb(bytesRead), lines });
    },
    stop: function stopProgress() {
      bar.stop();
    },
  };
}
