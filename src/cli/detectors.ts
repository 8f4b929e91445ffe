import type { Command } from 'commander';
import { listDetectorFactories } from '../detectors/registry.js';
import { writeOut } from './output.js';

/** `phi-guard detectors`: the detector ids this install knows, whether each can run here. */
export function registerDetectorsCommand(program: Command): void {
  program
    .command('detectors')
    .description('list detector ids and whether each is available here')
    .option('--json', 'print a JSON array of {id, available, description}')
    .action(async function detectorsAction(flags: { json?: boolean }) {
      const rows = [];
      for (const f of listDetectorFactories()) {
        let available = false;
        try {
          available = await f.available();
        } catch {
          available = false;
        }
        rows.push({ id: f.id, available, description: f.description });
      }
      if (flags.json) {
        await writeOut(`${JSON.stringify(rows)}\n`);
        return;
      }
      const width = Math.max(2, ...rows.map((r) => r.id.length));
      const lines = rows.map((r) => `${r.id.padEnd(width)}  ${r.available ? 'available  ' : 'unavailable'}  ${r.description}`);
      await writeOut(lines.length > 0 ? `${lines.join('\n')}\n` : '');
    });
}
