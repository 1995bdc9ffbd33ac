/** The CLI's connection to the outside world, injected so commands are testable without processes. */

/** Where a command writes; each call gets complete text, newlines included. */
export interface CliOutput {
  stdout(text: string): void;
  stderr(text: string): void;
}

export interface CliIo extends CliOutput {
  /** All of standard input as UTF-8 text (read only when a command asks for `-`). */
  readStdin(): Promise<string>;
}

/** The real process streams. */
export function nodeIo(): CliIo {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    async readStdin() {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    }
  };
}

/** An input problem the user can fix: exit status 2 and one line on stderr, never a stack trace. */
export class UsageError extends Error {
  override name = 'UsageError';
}
