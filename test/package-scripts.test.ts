import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './helpers/run-script.ts';

const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');

describe('the public commands', () => {
  it('are every command of the design, each an npm script', () => {
    const design = ['start', 'test', 'check', 'plan', 'preview', 'daily', 'import', 'settle', 'report', 'dev', 'build', 'bench'];
    expect(design.filter((name) => !(name in pkg.scripts))).toEqual([]);
  });

  it.each(Object.entries(pkg.scripts))('npm run %s runs a file that exists', (_name, command) => {
    const files = [...command.matchAll(/\bnode (\S+\.[jt]s)\b/g)].map((m) => m[1]);
    for (const file of files) expect(existsSync(path.join(ROOT, file)), file).toBe(true);
  });

  it('are each named in the README', () => {
    const named = Object.keys(pkg.scripts).filter((name) => !['commit-history', 'pr-summary'].includes(name));
    expect(named.filter((name) => !readme.includes(name === 'start' || name === 'test' ? `npm ${name}` : `npm run ${name}`))).toEqual([]);
  });
});
