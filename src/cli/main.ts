/** Node entry of `coldstart` (npm run coldstart, npx coldstart): runs the CLI on this process. */
import { cli } from './cli.ts';
import { nodeIo } from './io.ts';

// exitCode rather than process.exit(), so a large report piped to stdout is flushed before exit.
process.exitCode = await cli(process.argv.slice(2), nodeIo());
