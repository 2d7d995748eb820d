import type { ConsentRecord, Contact } from '../model/index.ts';

/** Whether a consent record holds on a day (`YYYY-MM-DD`): given by then, neither withdrawn nor expired. */
export function consentHolds(record: ConsentRecord | undefined, day: string): boolean {
  if (!record || record.date > day) return false;
  if (record.withdrawn && record.withdrawn <= day) return false;
  return !(record.expires && record.expires < day);
}

/** Whether an email may go to a contact on a day, and to which address; or why not. */
export type EmailPermission = { ok: true; email: string } | { ok: false; reason: string };

/**
 * May the business email this contact on `day` (`YYYY-MM-DD`)? Only with an address that has not
 * bounced, email consent given on or before the day and neither withdrawn nor expired by then
 * (consent is evidence that can lapse), and no unsubscribe on or before the day (CAN-SPAM, PECR,
 * GDPR). The first address that has not bounced is the one to use.
 */
export function mayEmailOn(contact: Contact, day: string): EmailPermission {
  if (contact.emails.length === 0) return { ok: false, reason: 'has no email address' };
  const email = contact.emails.find((address) => !contact.bounced.some((b) => b.email === address && b.date <= day));
  if (email === undefined) {
    const last = contact.bounced.filter((b) => b.date <= day).at(-1);
    return { ok: false, reason: `every email address bounced (the last, ${last?.email}, on ${last?.date}: ${last?.reason})` };
  }
  if (contact.unsubscribed && contact.unsubscribed.date <= day) {
    return { ok: false, reason: `unsubscribed on ${contact.unsubscribed.date}` };
  }
  const consent = contact.consent.email;
  if (!consent) return { ok: false, reason: 'has no email consent on record' };
  if (consent.date > day) return { ok: false, reason: `gave email consent only on ${consent.date}` };
  if (consent.withdrawn && consent.withdrawn <= day) {
    return { ok: false, reason: `withdrew email consent on ${consent.withdrawn}` };
  }
  if (consent.expires && consent.expires < day) return { ok: false, reason: `email consent expired on ${consent.expires}` };
  return { ok: true, email };
}

/** `mayEmailOn` for a `Temporal.PlainDate`. */
export function mayEmail(contact: Contact, day: Temporal.PlainDate): EmailPermission {
  return mayEmailOn(contact, day.toString());
}
