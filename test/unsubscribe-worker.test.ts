/**
 * Issue 18: with the endpoint configured, a one-click POST to the Worker (run in workerd) ends as
 * an `unsubscribed` contact on the next run; a forged token changes nothing.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { signerFromEnv } from '../src/adapters/signing/index.ts';
import { type Sign, unsubscribeToken } from '../src/core/signing/index.ts';
import { type GitHubApi, startGitHubApi } from './helpers/github-api.ts';
import { ROOT, runScript } from './helpers/run-script.ts';
import { copySample } from './helpers/sample.ts';
import { removeTree } from './helpers/temp-dir.ts';
import { startUnsubscribeWorker, type UnsubscribeWorker } from './helpers/unsubscribe-worker.ts';

const SECRET = 'a-test-secret-of-at-least-32-chars!!';
const signer = (secret: string): Sign => {
  const made = signerFromEnv({ REFERABLE_SECRET: secret });
  if (!made.ok || !made.sign) throw new Error('no signer');
  return made.sign;
};
const sign = signer(SECRET);
/** Ana Ruiz gets the sample's December newsletter, at this address. */
const TOKEN = unsubscribeToken(sign, ['ana-ruiz'], 'ana.ruiz@example.org');
const ONE_CLICK = { method: 'POST', body: 'List-Unsubscribe=One-Click', headers: { 'content-type': 'application/x-www-form-urlencoded' } };

let api: GitHubApi;
let worker: UnsubscribeWorker;
const bindings = () => ({
  REFERABLE_SECRET: SECRET,
  GITHUB_TOKEN: 'test-token',
  GITHUB_REPOSITORY: 'agency/referable',
  GITHUB_API_URL: api.url,
  SITE_URL: 'https://wellsmercer.example',
});

beforeAll(async () => {
  api = await startGitHubApi('agency', 'referable');
  worker = await startUnsubscribeWorker(bindings());
});
afterAll(async () => {
  await worker?.close();
  await api?.close();
});
beforeEach(() => {
  api.dispatches.length = 0;
  api.requests.length = 0;
});

describe('the one-click Worker', () => {
  it('answers a one-click POST of a real token with 200 and hands the token to the repository once', async () => {
    const response = await worker.fetch(`/?t=${TOKEN}`, ONE_CLICK);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<h1>You are unsubscribed</h1>');
    expect(api.requests).toEqual(['POST /repos/agency/referable/dispatches']);
    expect(api.dispatches).toEqual([{ event_type: 'unsubscribe', client_payload: { token: TOKEN, at: expect.any(String) } }]);
    expect(Temporal.Instant.from(api.dispatches[0].client_payload.at as string)).toBeInstanceOf(Temporal.Instant);
  });

  it('takes the body as multipart form data too, as RFC 8058 allows', async () => {
    const form = new FormData();
    form.set('List-Unsubscribe', 'One-Click');
    // Node's own encoding of the form, with its boundary, sent as bytes.
    const encoded = new Request('https://unsubscribe.example/', { method: 'POST', body: form });
    const headers = { 'content-type': encoded.headers.get('content-type')! };
    expect(headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect((await worker.fetch(`/?t=${TOKEN}`, { method: 'POST', headers, body: await encoded.arrayBuffer() })).status).toBe(200);
    expect(api.dispatches).toHaveLength(1);
  });

  it('refuses a forged or altered token, or one made with another secret, with 400, and hands nothing on', async () => {
    const [who, tag, mac] = TOKEN.split('.');
    const tom = btoa('tom-harris').replace(/=+$/, '');
    const forged = [
      `${tom}.${tag}.${mac}`,
      `${who}.${tag}.${mac.slice(0, -1)}${mac.endsWith('A') ? 'B' : 'A'}`,
      unsubscribeToken(signer(`${SECRET}x`), ['ana-ruiz'], 'ana.ruiz@example.org'),
      'ana-ruiz',
      '',
    ];
    for (const token of forged) {
      const response = await worker.fetch(`/?t=${encodeURIComponent(token)}`, ONE_CLICK);
      expect(response.status, token).toBe(400);
      expect(await response.text()).toContain('This unsubscribe link is not one of ours');
    }
    expect(api.requests).toEqual([]);
  });

  it('refuses a POST that is not a one-click unsubscribe, and unsubscribes no one on a GET', async () => {
    const plain = await worker.fetch(`/?t=${TOKEN}`, { ...ONE_CLICK, body: 'List-Unsubscribe=Please' });
    expect(plain.status).toBe(400);
    const get = await worker.fetch(`/?t=${TOKEN}`, { redirect: 'manual' });
    expect(get.status).toBe(303);
    expect(get.headers.get('location')).toBe(`https://wellsmercer.example/unsubscribe/?t=${TOKEN}`);
    expect((await worker.fetch(`/?t=${TOKEN}`, { method: 'PUT' })).status).toBe(405);
    expect(api.requests).toEqual([]);
  });

  it('says the request was not recorded when GitHub refuses it', async () => {
    api.failNext('POST', { status: 401, body: { message: 'Bad credentials' } });
    const response = await worker.fetch(`/?t=${TOKEN}`, ONE_CLICK);
    expect(response.status).toBe(502);
    expect(await response.text()).toContain('Your request could not be recorded');
    expect(api.dispatches).toEqual([]);
  });

  it('answers before a slow GitHub has taken the request, and still hands it on', async () => {
    const release = api.holdDispatches();
    const response = await worker.fetch(`/?t=${TOKEN}`, ONE_CLICK);
    expect(response.status).toBe(200);
    expect(api.dispatches).toEqual([]);
    release();
    await expect.poll(() => api.dispatches.length, { timeout: 10_000 }).toBe(1);
    expect(api.dispatches[0].client_payload.token).toBe(TOKEN);
  });

  it('answers 500 and hands nothing on until it is set up, naming no secret', async () => {
    await worker.rebind({ ...bindings(), REFERABLE_SECRET: 'short', GITHUB_REPOSITORY: '' });
    try {
      const response = await worker.fetch(`/?t=${TOKEN}`, ONE_CLICK);
      expect(response.status).toBe(500);
      const text = await response.text();
      expect(text).toContain('This link cannot unsubscribe you right now');
      expect(text).not.toContain('short');
      expect(api.requests).toEqual([]);
    } finally {
      await worker.rebind(bindings());
    }
  });
});

describe('a one-click unsubscribe, from the Worker to the next run', () => {
  // The machine's own git identity must not leak in: the job's checkout has none, as on Actions.
  const env = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };
  const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, env, encoding: 'utf8', stdio: 'pipe' }).trim();
  let dir: string;
  let origin: string;
  let job: string;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'referable-one-click-'));
    origin = path.join(dir, 'origin.git');
    git(dir, 'init', '--quiet', '--bare', '--initial-branch=main', origin);
    const seed = path.join(dir, 'seed');
    git(dir, 'clone', '--quiet', origin, seed);
    await copySample(path.join(seed, 'content'));
    for (const file of ['.gitattributes', '.gitignore']) writeFileSync(path.join(seed, file), readFileSync(path.join(ROOT, file)));
    git(seed, 'add', '.');
    git(seed, '-c', 'user.name=Owner', '-c', 'user.email=owner@example.com', 'commit', '--quiet', '-m', 'seed');
    git(seed, 'push', '--quiet', 'origin', 'main');
    job = path.join(dir, 'job');
    git(dir, 'clone', '--quiet', origin, job);
  });
  afterEach(() => removeTree(dir));

  /** What `unsubscribe.yml` runs in the job's checkout: the script on the event, then the commit. */
  async function runWorkflow(event: unknown) {
    const file = path.join(dir, 'event.json');
    writeFileSync(file, JSON.stringify(event));
    const recorded = await runScript('unsubscribe', [file, '--content', path.join(job, 'content'), '--date', '2026-12-01'], {
      REFERABLE_SECRET: SECRET,
    });
    if (recorded.code !== 0) return { recorded };
    const committed = spawnSync(
      process.execPath,
      [path.join(ROOT, 'scripts/commit-history.js'), '--message', 'chore(contacts): one-click'],
      {
        cwd: job,
        env,
        encoding: 'utf8',
      },
    );
    return { recorded, committed: { code: committed.status, out: committed.stdout + committed.stderr } };
  }

  async function emailsOn(content: string, contact: string) {
    const plan = await runScript('plan', ['--content', content, '--date', '2026-12-01', '--days', '1', '--json']);
    expect(plan.code).toBe(0);
    return (JSON.parse(plan.stdout) as { contact: string; channel: string }[]).filter(
      (t) => t.contact === contact && t.channel === 'email',
    );
  }

  it('ends as an unsubscribed contact, committed, to whom the next run sends no email', async () => {
    expect(await emailsOn(path.join(job, 'content'), 'ana-ruiz')).toHaveLength(1);

    expect((await worker.fetch(`/?t=${TOKEN}`, ONE_CLICK)).status).toBe(200);
    expect(api.dispatches).toHaveLength(1);
    const { event_type, client_payload } = api.dispatches[0];
    const { recorded, committed } = await runWorkflow({ action: event_type, client_payload });

    expect(recorded.stderr).toBe('');
    expect(recorded.code).toBe(0);
    expect(recorded.stdout).toContain('ana-ruiz asked to unsubscribe (one-click unsubscribe link): marked unsubscribed in');
    expect(committed).toEqual({ code: 0, out: 'Committed and pushed the history.\n' });
    expect(git(origin, 'show', '--name-only', '--format=%s', 'main').split('\n')).toEqual([
      'chore(contacts): one-click',
      '',
      'content/contacts/ana-ruiz.yaml',
    ]);
    const next = path.join(dir, 'next');
    git(dir, 'clone', '--quiet', origin, next);
    const ana = parse(readFileSync(path.join(next, 'content/contacts/ana-ruiz.yaml'), 'utf8'));
    expect(ana.unsubscribed).toEqual({
      date: '2026-12-01',
      evidence: `One-click unsubscribe (RFC 8058) at ${Temporal.Instant.from(client_payload.at as string)}, token ${TOKEN} (signed unsubscribe link)`,
    });
    expect(await emailsOn(path.join(next, 'content'), 'ana-ruiz')).toEqual([]);

    // A second click on the same link changes nothing more.
    const again = await runWorkflow({ action: event_type, client_payload });
    expect(again.recorded.stdout).toContain('already unsubscribed');
    expect(again.committed?.out).toBe('Nothing new in content/history/ or from intake to commit.\n');
  });

  it('writes nothing for a forged payload sent straight to the workflow', async () => {
    const [who, tag, mac] = TOKEN.split('.');
    const altered = `${who}.${tag}.${mac.slice(0, -1)}${mac.endsWith('A') ? 'B' : 'A'}`;
    const { recorded, committed } = await runWorkflow({
      action: 'unsubscribe',
      client_payload: { token: altered, at: '2026-12-01T10:00:00Z' },
    });
    expect(recorded).toEqual({
      code: 1,
      stdout: '',
      stderr: `Nothing was written: the token "${altered}" is not one of ours: forged, altered or made with another secret.\n`,
    });
    expect(committed).toBeUndefined();
    expect(git(job, 'status', '--porcelain')).toBe('');
  });

  it('names the field of a payload that is not one, and writes nothing', async () => {
    const { recorded } = await runWorkflow({ action: 'unsubscribe', client_payload: { token: TOKEN, at: 'yesterday' } });
    expect(recorded.code).toBe(2);
    expect(recorded.stderr).toBe(
      `${path.join(dir, 'event.json')} client_payload.at: "yesterday" is not a moment like 2026-12-01T10:15:00Z\n`,
    );
    expect(git(job, 'status', '--porcelain')).toBe('');
  });
});
