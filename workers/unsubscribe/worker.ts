/**
 * The one-click unsubscribe endpoint, a Cloudflare Worker at settings' `unsubscribe.url`.
 *
 * - A POST of `List-Unsubscribe=One-Click` (RFC 8058: a mail app's unsubscribe button, or the
 *   form on the site's /unsubscribe/ page) with the email's token in `?t=`: the token is checked
 *   with `REFERABLE_SECRET` by the core's own `readUnsubscribeToken`, then handed to the
 *   repository as a `repository_dispatch`, whose workflow checks it again and records it. A forged
 *   or altered token gets 400 and nothing is handed on.
 * - A GET (the link opened in a browser, or a mail scanner following it) unsubscribes no one: it
 *   is sent on to the site's /unsubscribe/ page, which asks first.
 */
import { readUnsubscribeToken, SECRET_MIN_LENGTH, unsubscribeTokenTexts } from '../../src/core/signing/index.ts';
import { type Dispatched, dispatchUnsubscribe } from './github.ts';
import { signAhead } from './web-crypto.ts';

/** The Worker's settings: two secrets (`wrangler secret put`) and the vars of `wrangler.toml`. */
export type Env = {
  REFERABLE_SECRET?: string;
  GITHUB_TOKEN?: string;
  GITHUB_REPOSITORY?: string;
  SITE_URL?: string;
  /** GitHub's API; tests point it at a stand-in. */
  GITHUB_API_URL?: string;
};

/** What the Workers runtime passes as the third argument of `fetch`. */
type Context = { waitUntil(promise: Promise<unknown>): void };

/**
 * How long an answer waits for GitHub to take the request. Senders expect an answer within a
 * second or two; when GitHub is slower, the request is finished after the answer (`waitUntil`).
 */
const GITHUB_WAIT_MS = 700;

export default {
  async fetch(request: Request, env: Env, ctx: Context): Promise<Response> {
    const unset = unsetSettings(env);
    if (unset.length) {
      console.error(`The unsubscribe endpoint is not set up: ${unset.join('; ')}. See README, "One-click unsubscribe".`);
      return page(500, 'This link cannot unsubscribe you right now', 'Reply to any of our emails and ask us to stop: we will.');
    }
    const token = new URL(request.url).searchParams.get('t') ?? '';
    if (request.method === 'GET' || request.method === 'HEAD') {
      const site = new URL('unsubscribe/', env.SITE_URL!.endsWith('/') ? env.SITE_URL : `${env.SITE_URL}/`);
      if (token) site.searchParams.set('t', token);
      return Response.redirect(site.href, 303);
    }
    if (request.method !== 'POST')
      return new Response('Only GET and POST are answered here.\n', { status: 405, headers: { allow: 'GET, HEAD, POST' } });
    if (!(await isOneClick(request))) {
      return page(400, 'This is not a one-click unsubscribe', 'Open the unsubscribe link in our email, or reply to it and ask us to stop.');
    }
    const sign = await signAhead(env.REFERABLE_SECRET!, unsubscribeTokenTexts(token));
    if (!readUnsubscribeToken(sign, token)) {
      return page(
        400,
        'This unsubscribe link is not one of ours',
        'It may have been cut short. Reply to any of our emails and ask us to stop: we will.',
      );
    }
    const github = { api: env.GITHUB_API_URL || 'https://api.github.com', repository: env.GITHUB_REPOSITORY!, token: env.GITHUB_TOKEN! };
    const dispatched = dispatchUnsubscribe(github, { token, at: new Date().toISOString() });
    const early = await Promise.race([
      dispatched,
      new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), GITHUB_WAIT_MS)),
    ]);
    if (!early) {
      // GitHub is slow: answer now and let the runtime finish the request. Should it fail, the
      // person has been told they are unsubscribed and is not: the log names the token, for the
      // owner to post again (README, troubleshooting).
      ctx.waitUntil(dispatched.then((late) => logFailure(late, token)));
    } else if (!early.ok) {
      logFailure(early, token);
      return page(
        502,
        'Your request could not be recorded',
        'Please try again in a few minutes, or reply to any of our emails and ask us to stop.',
      );
    }
    return page(200, 'You are unsubscribed', 'You will get no more emails from us, other than a reply to anything you write to us.');
  },
};

/** The settings that are missing or unusable, by name; never their values. */
function unsetSettings(env: Env): string[] {
  const unset: string[] = [];
  if ((env.REFERABLE_SECRET ?? '').length < SECRET_MIN_LENGTH)
    unset.push(`the secret REFERABLE_SECRET is missing or shorter than ${SECRET_MIN_LENGTH} characters`);
  if (!env.GITHUB_TOKEN) unset.push('the secret GITHUB_TOKEN is missing');
  if (!/^[\w.-]+\/[\w.-]+$/.test(env.GITHUB_REPOSITORY ?? '')) unset.push('GITHUB_REPOSITORY should be owner/name');
  if (!URL.canParse(env.SITE_URL ?? '')) unset.push('SITE_URL should be your site address, like https://example.com');
  return unset;
}

/** Whether the body is RFC 8058's `List-Unsubscribe=One-Click`, as a form (URL-encoded or multipart). */
async function isOneClick(request: Request): Promise<boolean> {
  if ((request.headers.get('content-type') ?? '').startsWith('multipart/form-data')) {
    const form = await request.formData().catch(() => undefined);
    return form?.get('List-Unsubscribe') === 'One-Click';
  }
  return new URLSearchParams(await request.text()).get('List-Unsubscribe') === 'One-Click';
}

/** The token is logged so the owner can post it again once GitHub takes it: it can only unsubscribe. */
function logFailure(dispatched: Dispatched, token: string): void {
  if (!dispatched.ok) console.error(`A verified unsubscribe was not recorded: ${dispatched.reason}. Its token: ${token}`);
}

/** A small page for a person whose browser posted the form; mail apps read only the status. */
function page(status: number, title: string, words: string): Response {
  const html = `<!doctype html>
<html lang="en">
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${title}</title>
<style>body { font: 1.125rem/1.5 system-ui, sans-serif; max-width: 32rem; margin: 3rem auto; padding: 0 1rem } h1 { font-size: 1.5rem; line-height: 1.25 }</style>
<body>
<h1>${title}</h1>
<p>${words}</p>
</body>
</html>
`;
  return new Response(html, { status, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' } });
}
