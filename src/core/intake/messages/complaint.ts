import { change, type Heard, type Known, type MessageKind, type Returned, type Run } from '../run.ts';

/**
 * A spam complaint: an ARF feedback report (RFC 5965) a mailbox provider sends when a contact
 * marks our email as spam, or unsubscribes through the provider. The contact is recorded as
 * complained, with the report as evidence, and gets no more email. A `not-spam` report is noted.
 */
export const complaint: MessageKind = {
  recognise: ({ message }) => message.feedback !== undefined,
  apply(heard, run) {
    const report = heard.message.feedback;
    if (report) take(run, heard, report);
  },
};

function take(run: Run, heard: Heard, report: NonNullable<Heard['message']['feedback']>): void {
  const fields = feedbackFields(report.report);
  const type = (fields.get('feedback-type') ?? 'abuse').toLowerCase();
  const provider = fields.get('user-agent') ?? fields.get('reporting-mta') ?? heard.message.from ?? 'a mailbox provider';
  const contact = contactOf(run, heard, fields, report.original);
  const what = `a spam complaint (feedback type ${type}) from ${provider}`;
  if (type === 'not-spam') heard.out('unknown', `a report that our email is not spam, from ${provider}: nothing to do`);
  else if (!contact) heard.out('unknown', `${what} about an address no contact has: left alone`);
  else if (contact.complained)
    heard.out('complaint', `${what}: ${contact.id} already recorded as complained in ${contact.file}`, false, contact);
  else {
    contact.complained = true;
    const evidence = `${heard.evidence.charAt(0).toUpperCase()}${heard.evidence.slice(1)}: feedback type ${type} from ${provider}`;
    change(run, contact, { path: ['complained'], value: { date: heard.day, evidence } });
    heard.out('complaint', `${what}: ${contact.id} recorded as complained in ${contact.file}; no more email`, true, contact);
  }
}

function contactOf(run: Run, heard: Heard, fields: Map<string, string>, original?: Returned): Known | undefined {
  const named = ['original-rcpt-to', 'removal-recipient'].map((f) => address(fields.get(f)));
  for (const a of [...named, ...(original?.to ?? [])]) if (a && run.byEmail.has(a)) return run.byEmail.get(a);
  const ids = [original?.messageId, original?.touchHeader].filter((id) => id !== undefined);
  const touch = ids.length ? ids.map(run.touchOf).find(Boolean) : heard.touch;
  return touch ? run.byId.get(touch.contact) : undefined;
}

const address = (value: string | undefined) =>
  value
    ?.replace(/^.*?;\s*/, '')
    .replace(/^<|>$/g, '')
    .trim()
    .toLowerCase();

/** The report's fields (one group, header style), read as a delivery status part's first group is. */
function feedbackFields(text: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const line of text
    .replace(/\r\n?/g, '\n')
    .replace(/\n[ \t]+/g, ' ')
    .split('\n')) {
    const colon = line.indexOf(':');
    if (colon > 0 && !fields.has(line.slice(0, colon).trim().toLowerCase()))
      fields.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return fields;
}
