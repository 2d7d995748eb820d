/**
 * The daily job on generated content for 30 consecutive days (issue 6): every touch ends up
 * recorded once, no contact gets the same touch twice, and planning the month one day at a time
 * agrees with planning it at once. Days 1 to 29 run in-process through the same adapters as
 * `npm run daily` (real history files, real SMTP on loopback, octokit against the local GitHub
 * API) to keep the test fast; day 30 runs the real command on what they left. It runs twice: with
 * the task list in the outbox, and with GitHub issues that the owner closes along the way.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readContent, openHistoryJournal } from '../src/adapters/fs/index.ts';
import { asTaskIssues, gitHubFromEnv } from '../src/adapters/github/index.ts';
import { compileLayouts } from '../src/adapters/layouts/index.ts';
import { writeOutboxFile, createSmtpDelivery } from '../src/adapters/mail/index.ts';
import { runDaily, formatTaskList } from '../src/core/daily/index.ts';
import { planTouches } from '../src/core/planning/index.ts';
import type { HistoryEntry } from '../src/core/model/index.ts';
import { generateContent } from './helpers/generate-content.ts';
import { startGitHubApi, type GitHubApi } from './helpers/github-api.ts';
import { runScript } from './helpers/run-script.ts';
import { startSmtpSink, type SmtpSink } from './helpers/smtp-sink.ts';
import { removeTree, writeTree } from './helpers/temp-dir.ts';

const FIRST = Temporal.PlainDate.from('2026-11-01');
const DAYS = 30;

describe.each([
  { mode: 'a task list', github: false },
  { mode: 'GitHub issues', github: true },
])('30 consecutive daily runs on generated content, personal touches as $mode', ({ github }) => {
  let dir = '';
  let sink: SmtpSink;
  let api: GitHubApi | undefined;
  let last: Awaited<ReturnType<typeof runScript>>;
  const content = () => path.join(dir, 'content');
  const outbox = () => path.join(dir, 'outbox');
  const gitHubEnv = () =>
    api ? { GITHUB_TOKEN: 'test-token', GITHUB_REPOSITORY: 'agency/referable', GITHUB_API_URL: api.url } : { GITHUB_TOKEN: '' };

  /** One day of the job as scripts/daily.js runs it, with a clock fixed on that morning. */
  async function runDay(today: Temporal.PlainDate): Promise<void> {
    const { content: read, problems } = await readContent(content());
    if (problems.length || !read.settings) throw new Error(`generated content has problems: ${JSON.stringify(problems.slice(0, 3))}`);
    const settings = read.settings;
    const { layouts } = await compileLayouts(settings);
    let tick = 0;
    const morning = today.toZonedDateTime({ timeZone: settings.timeZone, plainTime: '07:00' }).toInstant();
    const now = () => morning.add({ milliseconds: tick++ }).toString();
    const journal = await openHistoryJournal(path.join(content(), 'history'), today.toString().slice(0, 7));
    const delivery = createSmtpDelivery(sink.url, { perSecond: 1000 });
    const gh = gitHubFromEnv(gitHubEnv());
    try {
      await runDaily(
        { content: read, settings, today, layouts, now },
        {
          delivery,
          journal,
          writeTasks: (tasks) => writeOutboxFile(outbox(), `tasks-${today}.md`, formatTaskList(tasks, today.toString())),
          ...(gh ? { issues: asTaskIssues(gh) } : {}),
        },
      );
    } finally {
      await journal.close();
      await delivery.close();
    }
  }

  /** The owner does every personal touch the day after its issue opened, and closes the issue. */
  function closeYesterdaysIssues(seen: Set<number>): void {
    for (const issue of api?.issues ?? []) {
      if (issue.state === 'open' && seen.has(issue.number)) {
        const at = new Date().toISOString();
        Object.assign(issue, { state: 'closed', state_reason: 'completed', closed_at: at, updated_at: at });
      }
      seen.add(issue.number);
    }
  }

  const allHistory = async (): Promise<HistoryEntry[]> => (await readContent(content())).content.history;

  beforeAll(async () => {
    dir = await writeTree(
      Object.fromEntries(Object.entries(generateContent({ contacts: 60, seed: 6 })).map(([k, v]) => [`content/${k}`, v])),
    );
    sink = await startSmtpSink();
    if (github) api = await startGitHubApi();
    const seen = new Set<number>();
    for (let d = 0; d < DAYS - 1; d++) {
      closeYesterdaysIssues(seen);
      await runDay(FIRST.add({ days: d }));
    }
    closeYesterdaysIssues(seen);
    const lastDay = FIRST.add({ days: DAYS - 1 }).toString();
    last = await runScript('daily', ['--content', content(), '--outbox', outbox(), '--date', lastDay], {
      SMTP_URL: sink.url,
      ...gitHubEnv(),
    });
  }, 240_000);
  afterAll(async () => {
    await sink?.close();
    await api?.close();
    await removeTree(dir);
  });

  it('ends with the real command finding nothing wrong', () => {
    expect(last.stderr).toBe('');
    expect(last.code).toBe(0);
    expect(last.stdout).toContain(`Daily run for ${FIRST.add({ days: DAYS - 1 })}`);
  });

  it('sends each email touch exactly once, and never the same touch twice to a contact', async () => {
    const history = await allHistory();
    const received = await Promise.all(
      sink.received.map(async (m) => ({
        to: m.to.join(','),
        touch: /^<([^@>]+)@/.exec((await simpleParser(m.raw)).messageId ?? '')?.[1] ?? '',
      })),
    );
    expect(received.length).toBeGreaterThan(40);
    expect(received.every((r) => r.touch)).toBe(true);
    expect(new Set(received.map((r) => `${r.to} ${r.touch}`)).size).toBe(received.length);
    expect(new Set(received.map((r) => r.touch)).size).toBe(received.length);
    const sentEmails = history.filter((e) => e.channel === 'email' && e.event === 'sent').map((e) => e.touch);
    expect(sentEmails.toSorted()).toEqual(received.map((r) => r.touch).toSorted());
  });

  it('records each touch once: one claim, one outcome, and a personal touch is handed over once', async () => {
    const history = await allHistory();
    const events = new Map<string, string[]>();
    for (const e of history) events.set(e.touch, [...(events.get(e.touch) ?? []), e.event]);
    const shapes = new Set([...events.values()].map((list) => list.join(' ')));
    // No retries are needed against these servers, so nothing is claimed twice.
    const expected = github ? ['claimed sent', 'claimed sent done', 'skipped', 'missed'] : ['claimed sent', 'skipped', 'missed'];
    expect([...shapes].filter((s) => !expected.includes(s))).toEqual([]);
    expect(shapes.has('claimed sent') && shapes.has('skipped')).toBe(true);

    const personal = history.filter((e) => e.channel !== 'email' && e.event === 'sent').map((e) => e.touch);
    expect(personal.length).toBeGreaterThan(3);
    expect(new Set(personal).size).toBe(personal.length);
    if (api) {
      const bodies = api.issues.map((i) => /<!-- referable-touch: (\S+) -->/.exec(i.body)?.[1] ?? '');
      expect(bodies.toSorted()).toEqual(personal.toSorted());
      const closedBefore = api.issues.filter((i) => i.state === 'closed').map((i) => bodies[i.number - 1]);
      const done = history.filter((e) => e.event === 'done').map((e) => e.touch);
      expect(done.toSorted()).toEqual(closedBefore.toSorted());
      return;
    }
    const listed: string[] = [];
    for (const file of (await readdir(outbox())).filter((f) => f.startsWith('tasks-'))) {
      listed.push(
        ...[...(await readFile(path.join(outbox(), file), 'utf8')).matchAll(/<!-- referable-touch: (\S+) -->/g)].map((m) => m[1]),
      );
    }
    expect(listed.toSorted()).toEqual(personal.toSorted());
  });

  it('settles the same touches as planning the 30 days at once', async () => {
    const { content: read } = await readContent(content());
    const plan = planTouches({ ...read, settings: read.settings!, history: [] }, { from: FIRST, days: DAYS });
    const planned = [...plan.due, ...plan.skipped, ...plan.missed].map((t) => t.id).toSorted();
    const recorded = [...new Set(read.history.map((e) => e.touch))].toSorted();
    expect(recorded).toEqual(planned);
  });
});
