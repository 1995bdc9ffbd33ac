/** Dispatches `coldstart <command>`: run, price, --help, --version. */
import { readFileSync } from 'node:fs';
import type { CliIo } from './io.ts';
import { runCommand, RUN_USAGE } from './run.ts';

export const USAGE = `Usage: coldstart <command> [options]

Commands:
  ${RUN_USAGE}
  price ...                                   price a usage (see coldstart price --help)

Options:
  -h, --help       show this help
  -v, --version    show the version

Exit status: 0 ok, 2 invalid input (one line naming the field), 1 internal error.
`;

/** cli(argv, io) runs one command line (without `node main.ts`) and returns the exit status. */
export async function cli(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case undefined:
        io.stderr(USAGE);
        return 2;
      case '-h':
      case '--help':
      case 'help':
        io.stdout(USAGE);
        return 0;
      case '-v':
      case '--version':
        io.stdout(`${version()}\n`);
        return 0;
      case 'run':
        return await runCommand(rest, io);
      case 'price': {
        // Loaded on demand: `run` must not depend on the price command's module.
        const { priceCommand } = await import('./price.ts');
        return await priceCommand(rest, io);
      }
      default:
        io.stderr(
          `coldstart: unknown command '${command}' (commands: run, price; see coldstart --help)\n`
        );
        return 2;
    }
  } catch (error) {
    io.stderr(
      `coldstart: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`
    );
    return 1;
  }
}

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}
