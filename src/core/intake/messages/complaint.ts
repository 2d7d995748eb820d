import { change, type Heard, type Known, type MessageKind, type Returned, type Run } from '../run.ts';

type Report = NonNullable<Heard['message']['feedback']>;

/**
 * A spam complaint: an ARF feedback report (RFC 5965) a mailbox provider sends when a contact
 * marks our email as spam, or unsubscribes through the provider. The contact is recorded as
 * complained, with the report as evidence, and gets no more email. Microsoft's older form has no
 * report part: it returns the message alone, with the recipient in `X-HmXmrOriginalRecipient`.
 * Only a feedback type that carries the person's wish suppresses (see `FEEDBACK_TYPES`).
 */
export const complaint: MessageKind = {
  recognise: (heard) => reportOf(heard) !== undefined,
  apply(heard, run) {
    const report = reportOf(heard);
    if (report) take(run, heard, report);
  },
};

function reportOf({ message, from }: Heard): Report | undefined {
  if (message.feedback) return message.feedback;
  // A copy with Microsoft's delivery header comes back only in its complaint; a contact who
  // forwards one of our emails as an attachment is a person writing, not a report.
  const original = message.returned;
  return original?.deliveredTo && !from ? { report: '', original } : undefined;
}

/**
 * What each feedback type (RFC 5965 section 7.3, RFC 6430, RFC 6591) says, and whether it is the
 * person's own wish to hear no more. `abuse` is the "this is spam" button; `fraud` is "report
 * phishing", which a person presses on mail they want even less; `opt-out`, from the ARF drafts
 * some providers still send, is an unsubscribe through the provider. `virus` comes from a scanner
 * and `auth-failure` from a DKIM or SPF check: machines, about our sending, not the person's
 * choice. `not-spam` is the person saying they want it. `other`, or a type we do not know, says
 * too little to stop email to anyone. A report with no type is taken for `abuse`, the type
 * nearly every provider sends.
 */
const FEEDBACK_TYPES: Record<string, { what: string; complaint: boolean }> = {
  abuse: { what: 'a spam complaint', complaint: true },
  fraud: { what: 'a spam complaint', complaint: true },
  'opt-out': { what: 'a spam complaint', complaint: true },
  'not-spam': { what: 'a report that our email is not spam', complaint: false },
  virus: { what: 'a virus report', complaint: false },
  'auth-failure': { what: 'an authentication failure report', complaint: false },
};

function take(run: Run, heard: Heard, report: Report): void {
  const fields = feedbackFields(report.report);
  const type = (fields.get('feedback-type') ?? 'abuse').toLowerCase();
  const provider = fields.get('user-agent') ?? fields.get('reporting-mta') ?? heard.message.from ?? 'a mailbox provider';
  const kind = FEEDBACK_TYPES[type] ?? { what: 'a feedback report', complaint: false };
  if (type === 'not-spam') {
    heard.out('unknown', `${kind.what}, from ${provider}: nothing to do`);
    return;
  }
  if (!kind.complaint) {
    heard.out('unknown', `${kind.what} (feedback type ${type}), from ${provider}: not a complaint; nothing to do`);
    return;
  }
  const contact = contactOf(run, heard, fields, report.original);
  const what = `${kind.what} (feedback type ${type}) from ${provider}`;
  if (!contact) heard.out('unknown', `${what} about an address no contact has: left alone`);
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
  for (const a of [...named, original?.deliveredTo, ...(original?.to ?? [])]) if (a && run.byEmail.has(a)) return run.byEmail.get(a);
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
