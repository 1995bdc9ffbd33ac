/**
 * Vite plugin (Node, build time): `import results from 'virtual:coldstart-validation'` gives the
 * Validation page the results of `npm run validate`, computed at build time — never typed in.
 *
 * The suite takes ~40 s, so its JSON is cached under node_modules/.cache, keyed by a hash of
 * everything it depends on (engine, scenario, data, the CLI); `npm run validate` is not needed first.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Plugin } from 'vite';

const ID = 'virtual:coldstart-validation';
const RESOLVED = '\0' + ID;
const INPUTS = [
  'src/engine',
  'src/scenario',
  'data/calibration',
  'data/reference',
  'src/cli/validate.ts'
];

function filesUnder(path: string): string[] {
  if (!existsSync(path)) return [];
  if (statSync(path).isFile()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => filesUnder(join(path, name)));
}

function inputsHash(root: string): string {
  const h = createHash('sha256');
  for (const base of INPUTS) {
    for (const f of filesUnder(join(root, base))) {
      h.update(relative(root, f));
      h.update(readFileSync(f));
    }
  }
  return h.digest('hex').slice(0, 16);
}

/** Runs the suite (or reuses its cached JSON) and returns the JSON text. */
export function validationResultsJson(root: string): string {
  const file = join(root, 'node_modules/.cache/coldstart-validation', `${inputsHash(root)}.json`);
  if (!existsSync(file)) {
    try {
      execFileSync(
        process.execPath,
        [join(root, 'node_modules/tsx/dist/cli.mjs'), 'src/cli/validate.ts', '--json', file],
        {
          cwd: root,
          stdio: ['ignore', 'ignore', 'inherit']
        }
      );
    } catch (e) {
      // Exit 1 = a target missed: the page shows that too. Anything else is a build error.
      if (!existsSync(file)) throw e;
    }
  }
  return readFileSync(file, 'utf8');
}

export function validationResults(): Plugin {
  let root = process.cwd();
  return {
    name: 'coldstart-validation',
    configResolved(config) {
      root = config.root;
    },
    resolveId(id) {
      return id === ID ? RESOLVED : null;
    },
    load(id) {
      if (id !== RESOLVED) return null;
      return `export default ${validationResultsJson(root)};`;
    }
  };
}
