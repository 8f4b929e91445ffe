import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { listOperatorNames } from '../operators/index.js';
import { RESOLUTION_STRATEGIES } from '../pipeline/resolve.js';
import { registerDetectCommand } from './detect.js';
import { registerDetectorsCommand } from './detectors.js';
import { EXIT_CODES, UsageError, exitCodeFor, formatError } from './errors.js';
import { DEFAULT_HASH_KEY_ENV } from './options.js';
import { registerRedactCommand } from './redact.js';

function version(): string {
  try {
    // src/cli/ and dist/cli/ both sit two levels below the package root.
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

function addCommonOptions(cmd: Command): void {
  cmd
    .option('--detectors <ids>', 'comma-separated detector ids (default: every available one; see `phi-guard detectors`)')
    .option('--types <types>', 'comma-separated entity types to report (default: all)')
    .option('--threshold <n>', 'minimum score from 0 to 1 (default: 0.5)')
    .addOption(new Option('--resolution <strategy>', `overlap resolution (default: merge)`).choices(RESOLUTION_STRATEGIES));
}

/** Build the command tree. Exported for tests and for embedding. */
export function buildProgram(): Command {
  const program = new Command('phi-guard')
    .description('Detect and redact PHI in text, locally.')
    .version(version(), '-V, --version')
    .showHelpAfterError(false)
    .exitOverride()
    .configureOutput({ outputError: () => {} });
  registerRedactCommand(program);
  registerDetectCommand(program);
  registerDetectorsCommand(program);
  for (const cmd of program.commands) {
    cmd.exitOverride().configureOutput({ outputError: () => {} });
    if (cmd.name() === 'redact' || cmd.name() === 'detect') addCommonOptions(cmd);
    if (cmd.name() === 'redact') {
      cmd
        .option('--operator <spec>', `NAME or TYPE=NAME,...,default=NAME; names: ${listOperatorNames().join(', ')} (default: tag)`)
        .option('--hash-key-env <var>', `environment variable holding the hash operator's key (default: ${DEFAULT_HASH_KEY_ENV})`)
        .option('--mask-char <char>', "mask operator's character (default: *)")
        .option('--mask-keep-last <n>', 'mask operator: characters left visible at the end (default: 0)')
        .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'));
    }
  }
  return program;
}

/**
 * Commander's messages sometimes quote an argument; an argument might be text pasted by
 * mistake, so the quoted value is dropped and only the flag is named.
 */
function usageFromCommander(err: CommanderError): UsageError {
  const message = err.message.replace(/^error:\s*/, '');
  switch (err.code) {
    case 'commander.unknownCommand':
      return new UsageError('unknown command (commands: redact, detect, detectors; see phi-guard --help)');
    case 'commander.invalidArgument':
      return new UsageError(message.replace(/argument '[\s\S]*?' is invalid/, 'value is invalid').slice(0, 200));
    case 'commander.unknownOption':
      return new UsageError(message.replace(/'([^']{0,40})[^']*'/, "'$1'"));
    default:
      return new UsageError(message.slice(0, 200));
  }
}

/** Run the CLI on `argv` (as in process.argv). Resolves to the exit code; prints errors itself. */
export async function run(argv: readonly string[]): Promise<number> {
  const program = buildProgram();
  if (argv.length <= 2) {
    process.stderr.write(program.helpInformation());
    return EXIT_CODES.usage;
  }
  try {
    await program.parseAsync([...argv]);
    return EXIT_CODES.ok;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.exitCode === 0) return EXIT_CODES.ok; // --help, --version
      process.stderr.write(formatError(usageFromCommander(err)));
      return EXIT_CODES.usage;
    }
    process.stderr.write(formatError(err));
    return exitCodeFor(err);
  }
}
