import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { runScript } from './helpers/run-script.ts';
import { startGitHubApi, type GitHubApi } from './helpers/github-api.ts';
import { removeTree, writeTree } from './helpers/temp-dir.ts';

describe('npm run pr-summary', () => {
  let api: GitHubApi;
  let dir: string;
  beforeAll(async () => {
    api = await startGitHubApi();
    const plan = [
      { date: '2026-12-01', contact: 'ana-ruiz', plan: 'monthly-newsletter', step: 'send', channel: 'email', subject: 'Winter tips' },
      { date: '2026-12-02', contact: 'ana-ruiz', plan: 'quarterly-call', step: 'call', channel: 'call' },
    ];
    dir = await writeTree({
      'plan.json': JSON.stringify(plan),
      'banner.json': `\n> referable@0.1.0 plan\n> node scripts/plan.ts --json\n\n${JSON.stringify(plan)}`,
      'preview/index.html': '',
      'preview/a.html': '',
      'summary.md': '',
    });
  });
  afterAll(async () => {
    await api.close();
    await removeTree(dir);
  });

  it('writes the job summary and keeps one comment on the pull request up to date', async () => {
    const env = {
      GITHUB_TOKEN: 'test-token',
      GITHUB_REPOSITORY: 'agency/referable',
      GITHUB_API_URL: api.url,
      PR_NUMBER: '7',
      GITHUB_STEP_SUMMARY: path.join(dir, 'summary.md'),
    };
    const args = ['--plan', path.join(dir, 'plan.json'), '--preview', path.join(dir, 'preview')];
    const first = await runScript('pr-summary', args, env);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('**1** email and **1** personal touch.');
    expect(await readFile(path.join(dir, 'summary.md'), 'utf8')).toContain('| 2026-12-01 | Winter tips | monthly-newsletter | 1 |');
    const second = await runScript('pr-summary', args, env);
    expect(second.code).toBe(0);
    expect(api.comments).toEqual([
      expect.objectContaining({
        id: 1000,
        issue: 7,
        body: expect.stringContaining('1 rendered email is in the **email-previews** artifact'),
      }),
    ]);
    expect(api.requests.filter((r) => !r.startsWith('GET'))).toEqual([
      'POST /repos/agency/referable/issues/7/comments',
      'PATCH /repos/agency/referable/issues/comments/1000',
    ]);
  });

  it('says how to write the plan file when npm’s banner is in it, without a stack', async () => {
    const run = await runScript('pr-summary', ['--plan', path.join(dir, 'banner.json')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `--plan ${path.join(dir, 'banner.json')} is not the JSON array npm run plan -- --json prints (run npm with --silent so its banner stays out of the file)\n`,
    );
  });
});
