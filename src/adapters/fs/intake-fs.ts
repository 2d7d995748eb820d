/**
 * The content intake reads and writes: settings and plans (validated), contact and testimonial
 * files as they are, and the plan's changes written back. Contact files are edited in place
 * through the `yaml` Document API, so the owner's comments and formatting stay.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { changeContactFile, readContactFiles } from './contacts-fs.ts';
import { openHistoryJournal, readHistoryFiles } from './history-fs.ts';
import type { IntakeInput, IntakePlan } from '../../core/intake/index.ts';
import { parseFile } from '../../core/content/index.ts';
import { problem, type Problem } from '../../core/problems/index.ts';
import { LAZY_PARSERS } from './parsers-fs.ts';
import { PlanSchema, SettingsSchema, type Entry, type HistoryEntry, type Plan } from '../../core/model/index.ts';

/** What intake needs from a content folder; `problems` holds settings problems only. */
export async function readIntakeContent(dir: string): Promise<{ input?: IntakeInput; problems: Problem[] }> {
  const shown = (rel: string) => path.join(dir, rel).split(path.sep).join('/');
  const settingsText = await readFile(path.join(dir, 'settings.yaml'), 'utf8').catch(() => undefined);
  if (settingsText === undefined) {
    return { problems: [problem('MissingSettings', shown('settings.yaml'), { line: 0, column: 0 }, '', 'is missing')] };
  }
  const settings = parseFile({ path: shown('settings.yaml'), text: settingsText }, SettingsSchema, 'yaml', LAZY_PARSERS);
  if (!settings.data) return { problems: settings.problems };

  const plans: Entry<Plan>[] = [];
  for (const name of await yamlNames(path.join(dir, 'plans'))) {
    const file = shown(`plans/${name}`);
    const parsed = parseFile({ path: file, text: await readFile(path.join(dir, 'plans', name), 'utf8') }, PlanSchema, 'yaml', LAZY_PARSERS);
    if (parsed.data) plans.push({ id: name.replace(/\.ya?ml$/, ''), file, data: parsed.data });
  }
  const testimonialsDir = path.join(dir, 'testimonials');
  const testimonialNames = (await names(testimonialsDir)).filter((n) => /\.mdx?$/.test(n));
  const testimonials = await Promise.all(
    testimonialNames.map(async (n) => ({ id: n.replace(/\.mdx?$/, ''), text: await readFile(path.join(testimonialsDir, n), 'utf8') })),
  );
  const referralsDir = path.join(dir, 'referrals');
  const referrals = await Promise.all(
    (await yamlNames(referralsDir)).map(async (n) => ({
      id: n.replace(/\.ya?ml$/, ''),
      text: await readFile(path.join(referralsDir, n), 'utf8'),
    })),
  );
  const contacts = (await readContactFiles(dir)).map((c) => ({ ...c, file: c.file.split(path.sep).join('/') }));
  // A history line that does not read is `check`'s to report: intake counts on the rest.
  const { entries: history } = await readHistoryFiles(path.join(dir, 'history'));
  return {
    input: {
      settings: settings.data,
      plans,
      contacts,
      testimonials,
      testimonialsFolder: shown('testimonials'),
      referrals,
      referralsFolder: shown('referrals'),
      history,
    },
    problems: [],
  };
}

/**
 * Writes the plan: contact edits in place, new testimonial and draft referral files (never over an
 * existing one),
 * history entries appended (after a touch's last entry, or in the month they were written).
 * A file system refusal (a folder in the way, a full disk) is returned as the reason, not thrown.
 */
export async function writeIntake(dir: string, plan: IntakePlan): Promise<{ ok: true } | { ok: false; reason: string }> {
  // Loaded here, not above: the other commands of this folder's face never write YAML.
  const { stringify } = await import('yaml');
  try {
    for (const contact of plan.contacts) await changeContactFile(contact.file, contact.changes);
    if (plan.testimonials.length) await mkdir(path.join(dir, 'testimonials'), { recursive: true });
    for (const t of plan.testimonials) {
      const notes = t.notes.map((line) => `#${line ? ` ${line.replace(/[\r\n]+/g, ' ')}` : ''}\n`).join('');
      const front = stringify(t.data, { lineWidth: 100, blockQuote: 'folded' });
      await writeFile(path.join(dir, 'testimonials', `${t.id}.mdx`), `---\n${notes}${front}---\n`, { flag: 'wx' });
    }
    if (plan.referrals.length) await mkdir(path.join(dir, 'referrals'), { recursive: true });
    for (const r of plan.referrals) {
      await writeFile(path.join(dir, 'referrals', `${r.id}.yaml`), stringify(r.data, { lineWidth: 100 }), { flag: 'wx' });
    }
    if (plan.history.length) await appendHistory(path.join(dir, 'history'), plan.history);
    return { ok: true };
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    if (!e.syscall) throw error;
    return { ok: false, reason: `could not write the changes: ${e.code} on ${e.path ?? dir}` };
  }
}

async function appendHistory(historyDir: string, entries: readonly HistoryEntry[]): Promise<void> {
  const { lastFileOf } = await readHistoryFiles(historyDir);
  const byMonth = Map.groupBy(entries, (e) => lastFileOf.get(e.touch) ?? e.at.slice(0, 7));
  for (const [month, monthEntries] of byMonth) {
    const journal = await openHistoryJournal(historyDir, month);
    try {
      await journal.append(monthEntries, { durable: true });
    } finally {
      await journal.close();
    }
  }
}

/** The ordinary files in `dir`: links are never followed, folders never read (`npm run check` reports both). */
async function names(dir: string): Promise<string[]> {
  const all = await readdir(dir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return [];
    throw error;
  });
  return all
    .filter((e) => e.isFile() && !e.name.startsWith('.'))
    .map((e) => e.name)
    .sort();
}

async function yamlNames(dir: string): Promise<string[]> {
  return (await names(dir)).filter((n) => /\.ya?ml$/.test(n));
}
