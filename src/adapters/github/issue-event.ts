import { readFile } from 'node:fs/promises';
import { UsageError } from '../cli/index.ts';

/** What `npm run from-issue` reads of an `issues` event. */
export type IssueEvent = {
  issue: {
    number: number;
    title: string;
    body: string | null;
    html_url: string;
    created_at: string;
    author_association: string;
    user: { login: string };
  };
  repository: { default_branch: string };
};

/** The issue's event as Actions saves it (GITHUB_EVENT_PATH); a file that is not one is a usage error. */
export async function readIssueEvent(file: string): Promise<IssueEvent> {
  const text = await readFile(file, 'utf8').catch(() => {
    throw new UsageError(`${file}: no such file`);
  });
  let event: Partial<IssueEvent> | undefined;
  try {
    event = JSON.parse(text);
  } catch {
    throw new UsageError(`${file}: not JSON; give the issue event as GitHub Actions saves it (GITHUB_EVENT_PATH)`);
  }
  if (typeof event?.issue?.number !== 'number' || !event.issue.author_association || !event.issue.created_at || !event.repository)
    throw new UsageError(`${file}: not an issue event; give the event of an "issues" workflow (GITHUB_EVENT_PATH)`);
  return event as IssueEvent;
}
