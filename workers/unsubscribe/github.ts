/**
 * The Worker's one call to GitHub: a `repository_dispatch` of type `unsubscribe` carrying the
 * token and the moment, which `.github/workflows/unsubscribe.yml` turns into a committed change.
 */

/** What the workflow receives as `client_payload`. */
export type UnsubscribePayload = { token: string; at: string };

export type Dispatched = { ok: true } | { ok: false; reason: string };

/**
 * Asks `repository` (owner/name) to record an unsubscribe. `token` is a fine-grained token for
 * that repository alone, with read and write access to its contents (what the endpoint needs).
 * GitHub's refusal comes back as a reason, never thrown; the token never appears in it.
 */
export async function dispatchUnsubscribe(
  github: { api: string; repository: string; token: string },
  payload: UnsubscribePayload,
): Promise<Dispatched> {
  try {
    const response = await fetch(`${github.api.replace(/\/+$/, '')}/repos/${github.repository}/dispatches`, {
      method: 'POST',
      headers: {
        accept: 'application/vnd.github+json',
        authorization: `Bearer ${github.token}`,
        'content-type': 'application/json',
        'user-agent': 'referable-unsubscribe',
        'x-github-api-version': '2022-11-28',
      },
      body: JSON.stringify({ event_type: 'unsubscribe', client_payload: payload }),
    });
    if (response.ok) return { ok: true };
    const message = ((await response.json().catch(() => ({}))) as { message?: unknown }).message;
    return { ok: false, reason: `GitHub answered ${response.status}${typeof message === 'string' ? `: ${message}` : ''}` };
  } catch (error) {
    return { ok: false, reason: `GitHub could not be reached: ${(error as Error).message}` };
  }
}
