import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '../..');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|svelte)$/.test(name) ? [p] : [];
  });
}

/** Import specifiers of a file (static and dynamic), comments stripped. */
function importsOf(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
  const patterns = [
    /^\s*(?:import|export|\})[^'"\n]*?\bfrom\s+['"]([^'"]+)['"]/gm,
    /^\s*import\s+['"]([^'"]+)['"]/gm,
    /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g
  ];
  return patterns.flatMap((re) => [...code.matchAll(re)].map((m) => m[1]));
}

describe('architecture (STYLE.md §1)', () => {
  const engine = files(join(root, 'src/engine'));

  it('src/engine imports only engine and scenario modules, no packages', () => {
    const bad: string[] = [];
    for (const f of engine) {
      for (const spec of importsOf(readFileSync(f, 'utf8'))) {
        const ok = spec.startsWith('.') && !/\/(app|worker|cli)\//.test(spec);
        if (!ok) bad.push(`${relative(root, f)} imports ${spec}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('src/engine uses no clock, Math.random, DOM or Node globals', () => {
    const bad: string[] = [];
    const forbidden =
      /Math\.random\(|Date\.now\(|performance\.now\(|\bwindow\.|\bdocument\.|\bprocess\.|\brequire\(/;
    for (const f of engine) {
      const code = readFileSync(f, 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\/\/.*$/gm, '');
      const line = code.split('\n').find((l) => forbidden.test(l));
      if (line) bad.push(`${relative(root, f)}: ${line.trim()}`);
    }
    expect(bad).toEqual([]);
  });

  it('src/scenario does not import the app, worker or cli', () => {
    // The link codec needs synchronous deflate (decoding must not wait), which only a package gives.
    const allowed = (f: string, s: string) =>
      s === 'fflate' && relative(root, f) === join('src', 'scenario', 'url.ts');
    const bad = files(join(root, 'src/scenario')).flatMap((f) =>
      importsOf(readFileSync(f, 'utf8'))
        .filter((s) => !allowed(f, s))
        .filter((s) => !s.startsWith('.') || /\/(app|worker|cli)\//.test(s))
        .map((s) => `${relative(root, f)} imports ${s}`)
    );
    expect(bad).toEqual([]);
  });

  it('src/cli and src/charts do not import the app or the worker (shared chart maths live in src/charts)', () => {
    const bad = [...files(join(root, 'src/cli')), ...files(join(root, 'src/charts'))].flatMap((f) =>
      importsOf(readFileSync(f, 'utf8'))
        .filter((s) => /\/(app|worker)\//.test(s))
        .map((s) => `${relative(root, f)} imports ${s}`)
    );
    expect(bad).toEqual([]);
  });
});
