import { touchOfMessageId } from '../../touches/index.ts';
import { parseDeliveryStatus, type RecipientStatus } from '../dsn.ts';
import { change, type Heard, type IncomingMessage, type MessageKind, type Run } from '../run.ts';

/** A delivery status notification: 5.x.x flags the address, 4.x.x is noted. */
export const deliveryReport: MessageKind = {
  recognise: ({ message }) => message.report !== undefined,
  apply(heard, run) {
    const report = heard.message.report;
    if (report) take(run, heard, report);
  },
};

function take(run: Run, heard: Heard, report: NonNullable<IncomingMessage['report']>): void {
  const { out, day, evidence } = heard;
  const original = report.original;
  const touch = (original?.messageId && touchOfMessageId(original.messageId, run.input.settings.sender.email)) || heard.touch;
  const recipients = parseDeliveryStatus(report.deliveryStatus);
  if (!recipients.length) out('unknown', 'a delivery report that names no recipient: left alone');
  for (const r of recipients) {
    const contact = run.byEmail.get(r.address) ?? (touch ? run.byId.get(touch.contact) : undefined);
    // Forwarded mail can fail at another address: flag the contact's own, the one we sent to.
    const address = contact && !contact.emails.includes(r.address) ? original?.to.find((a) => contact.emails.includes(a)) : r.address;
    const what = `${r.address} ${describe(r)}`;
    if (r.kind === 'none') out('unknown', `a delivery report (${r.action || 'no action'}) for ${r.address}: nothing to do`);
    else if (r.kind === 'temporary')
      out('delay', `${what}: not delivered yet, the server keeps trying; noted, nothing changed`, false, contact);
    else if (!contact || !address) out('unknown', `${what}: no contact has this address; left alone`);
    else if (contact.bounced.has(address)) out('bounce', `${what}: already flagged in ${contact.file}`, false, contact);
    else {
      contact.bounced.add(address);
      const reason = [r.status, r.diagnostic].filter(Boolean).join(' ') || r.action;
      change(run, contact, { path: ['bounced'], value: { email: address, date: day, reason: `${reason} (${evidence})` }, append: true });
      out('bounce', `${what}: flagged in ${contact.file}, never used again`, true, contact);
    }
  }
}

function describe(r: RecipientStatus): string {
  const why = r.diagnostic.replace(/^\w+;\s*/, '');
  return `(${[r.status || r.action, why].filter(Boolean).join(': ')})`;
}
