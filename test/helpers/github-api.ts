/**
 * A local HTTP server speaking the few GitHub REST endpoints Referable calls (list, create and
 * update issues and their comments, open pull requests, take a `repository_dispatch`), so octokit
 * and the unsubscribe Worker can be tested for real against loopback, and serving files attached to issues as github.com does (`/user-attachments/files/…`).
 * GitHub itself cannot be reached from tests; this is the only stand-in in the suite.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

type FakeIssue = {
  number: number;
  title: string;
  body: string;
  labels: { name: string }[];
  assignees: { login: string }[];
  state: 'open' | 'closed';
  state_reason: string | null;
  closed_at: string | null;
  updated_at: string;
  html_url: string;
  user?: { login: string };
};

type Fault = { status: number; headers?: Record<string, string>; body?: unknown };

type FakePull = { number: number; head: string; base: string; title: string; body: string; html_url: string };

type FakeDispatch = { event_type: string; client_payload: Record<string, unknown> };

type FakeComment = { id: number; issue: number; body: string; user: { login: string; type: 'User' | 'Bot' }; created_at: string };

/** Comments posted through the API come from the workflow's token: a bot. */
const BOT = { login: 'github-actions[bot]', type: 'Bot' } as const;

export type GitHubApi = {
  url: string;
  issues: FakeIssue[];
  comments: FakeComment[];
  pulls: FakePull[];
  /** The `repository_dispatch` events asked for, in order. */
  dispatches: FakeDispatch[];
  /** Holds every dispatch request unanswered (and unrecorded) until the returned function is called. */
  holdDispatches(): () => void;
  /** Every request, as `METHOD /path?query`. */
  requests: string[];
  /** The next matching requests answer with these faults, in order. */
  failNext(method: string, fault: Fault): void;
  /** A comment on issue `number` written by a person (by default the owner, `hannah`), as on github.com. */
  addComment(number: number, body: string, user?: FakeComment['user']): FakeComment;
  /** An issue opened on github.com by `user` (by default the owner), as a form opens it. */
  openIssue(title: string, body: string, user?: string): FakeIssue;
  /** A file attached to an issue: its address on the stand-in, as GitHub writes it in the body. */
  attach(name: string, content: string | Uint8Array): string;
  close(): Promise<void>;
};

export async function startGitHubApi(owner = 'agency', repo = 'referable'): Promise<GitHubApi> {
  const issues: FakeIssue[] = [];
  const comments: FakeComment[] = [];
  const requests: string[] = [];
  const faults: { method: string; fault: Fault }[] = [];
  const pulls: FakePull[] = [];
  const dispatches: FakeDispatch[] = [];
  let held: Promise<void> | undefined;
  const attachments = new Map<string, Uint8Array>();
  const base = `/repos/${owner}/${repo}/issues`;

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    res.end(JSON.stringify(body));
  };
  const readBody = async (req: IncomingMessage) => {
    let text = '';
    for await (const chunk of req) text += chunk;
    return text ? JSON.parse(text) : {};
  };

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    requests.push(`${req.method} ${url.pathname}${url.search}`);
    const faultIndex = faults.findIndex((f) => f.method === req.method);
    if (faultIndex >= 0) {
      const [{ fault }] = faults.splice(faultIndex, 1);
      send(res, fault.status, fault.body ?? { message: 'Injected fault' }, fault.headers);
      return;
    }
    // The scheme is case-insensitive (RFC 9110), as on GitHub.
    if (!/^(token|bearer) test-token$/i.test(req.headers.authorization ?? '')) {
      send(res, 401, { message: 'Bad credentials' });
      return;
    }
    const attachment = attachments.get(url.pathname);
    if (req.method === 'GET' && attachment) {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      res.end(attachment);
      return;
    }
    if (req.method === 'POST' && url.pathname === `/repos/${owner}/${repo}/dispatches`) {
      const body = await readBody(req);
      if (typeof body.event_type !== 'string') return send(res, 422, { message: 'Invalid request.' });
      await held;
      dispatches.push({ event_type: body.event_type, client_payload: body.client_payload ?? {} });
      res.writeHead(204);
      res.end();
      return;
    }
    if (req.method === 'POST' && url.pathname === `/repos/${owner}/${repo}/pulls`) {
      const body = await readBody(req);
      // Pull requests and issues share one sequence of numbers.
      const number = issues.length + pulls.length + 1;
      const pull = {
        number,
        head: body.head,
        base: body.base,
        title: body.title,
        body: body.body ?? '',
        html_url: `https://github.example/${owner}/${repo}/pull/${number}`,
      };
      pulls.push(pull);
      return send(res, 201, pull);
    }
    if (req.method === 'GET' && url.pathname === base) {
      const label = url.searchParams.get('labels');
      const since = url.searchParams.get('since') ?? '';
      const state = url.searchParams.get('state') ?? 'open';
      const perPage = Number(url.searchParams.get('per_page') ?? 30);
      const page = Number(url.searchParams.get('page') ?? 1);
      const matching = issues
        .filter((i) => !label || i.labels.some((l) => l.name === label))
        .filter((i) => i.updated_at >= since)
        .filter((i) => state === 'all' || i.state === state)
        .toSorted((a, b) => b.number - a.number);
      const slice = matching.slice((page - 1) * perPage, page * perPage);
      const headers: Record<string, string> = {};
      if (page * perPage < matching.length) {
        const next = new URL(url);
        next.searchParams.set('page', String(page + 1));
        headers.link = `<http://${req.headers.host}${next.pathname}${next.search}>; rel="next"`;
      }
      // GitHub gives each issue's number of comments.
      const counted = slice.map((i) => ({ ...i, comments: comments.filter((c) => c.issue === i.number).length }));
      send(res, 200, counted, headers);
      return;
    }
    if (req.method === 'POST' && url.pathname === base) {
      const body = await readBody(req);
      const number = issues.length + pulls.length + 1;
      const issue: FakeIssue = {
        number,
        title: body.title,
        body: body.body ?? '',
        labels: (body.labels ?? []).map((name: string) => ({ name })),
        assignees: (body.assignees ?? []).map((login: string) => ({ login })),
        state: 'open',
        state_reason: null,
        closed_at: null,
        updated_at: new Date().toISOString(),
        html_url: `https://github.example/${owner}/${repo}/issues/${number}`,
      };
      issues.push(issue);
      send(res, 201, issue);
      return;
    }
    const onIssue = new RegExp(`^${base}/(\\d+)/comments$`).exec(url.pathname);
    if (onIssue && req.method === 'GET')
      return send(
        res,
        200,
        comments.filter((c) => c.issue === Number(onIssue[1])),
      );
    if (onIssue && req.method === 'POST') {
      const body = (await readBody(req)).body;
      const comment = { id: 1000 + comments.length, issue: Number(onIssue[1]), body, user: BOT, created_at: new Date().toISOString() };
      comments.push(comment);
      return send(res, 201, comment);
    }
    const commentMatch = new RegExp(`^${base}/comments/(\\d+)$`).exec(url.pathname);
    if (commentMatch && req.method === 'PATCH') {
      const comment = comments.find((c) => c.id === Number(commentMatch[1]));
      if (!comment) return send(res, 404, { message: 'Not Found' });
      comment.body = (await readBody(req)).body;
      return send(res, 200, comment);
    }
    const match = new RegExp(`^${base}/(\\d+)$`).exec(url.pathname);
    if (req.method === 'PATCH' && match) {
      const issue = issues.find((i) => i.number === Number(match[1]));
      if (!issue) return send(res, 404, { message: 'Not Found' });
      const body = await readBody(req);
      if (body.state === 'closed' && issue.state !== 'closed') {
        issue.closed_at = new Date().toISOString();
        issue.state_reason = body.state_reason ?? 'completed';
      }
      if (body.state === 'open') {
        issue.closed_at = null;
        issue.state_reason = 'reopened';
      }
      Object.assign(issue, body.state ? { state: body.state } : {});
      issue.updated_at = new Date().toISOString();
      send(res, 200, issue);
      return;
    }
    send(res, 404, { message: 'Not Found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    issues,
    comments,
    pulls,
    dispatches,
    holdDispatches() {
      let release = () => {};
      held = new Promise((resolve) => (release = resolve));
      return () => {
        held = undefined;
        release();
      };
    },
    requests,
    failNext: (method, fault) => faults.push({ method, fault }),
    addComment(number, body, user = { login: 'hannah', type: 'User' }) {
      const comment = { id: 1000 + comments.length, issue: number, body, user, created_at: new Date().toISOString() };
      comments.push(comment);
      const issue = issues.find((i) => i.number === number);
      if (issue) issue.updated_at = comment.created_at;
      return comment;
    },
    openIssue(title, body, user = 'hannah') {
      const number = issues.length + pulls.length + 1;
      const issue: FakeIssue = {
        number,
        title,
        body,
        labels: [],
        assignees: [],
        state: 'open',
        state_reason: null,
        closed_at: null,
        updated_at: new Date().toISOString(),
        html_url: `https://github.example/${owner}/${repo}/issues/${number}`,
        user: { login: user },
      };
      issues.push(issue);
      return issue;
    },
    attach(name, content) {
      const at = `/user-attachments/files/${17000 + attachments.size}/${encodeURIComponent(name)}`;
      attachments.set(at, typeof content === 'string' ? new TextEncoder().encode(content) : content);
      return `http://127.0.0.1:${port}${at}`;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
