import type { ConsentRecord, Contact } from '../model/index.ts';
import { because, type Reason } from '../reasons/index.ts';

/** Whether a consent record holds on a day (`YYYY-MM-DD`): given by then, neither withdrawn nor expired. */
export function consentHolds(record: ConsentRecord | undefined, day: string): boolean {
  if (!record || record.date > day) return false;
  if (record.withdrawn && record.withdrawn <= day) return false;
  return !(record.expires && record.expires < day);
}

/** Whether an email may go to a contact on a day, and to which address; or why not. */
export type EmailPermission = { ok: true; email: string } | ({ ok: false } & Reason);

/**
 * May the business email this contact on `day` (`YYYY-MM-DD`)? Only with an address that has not
 * bounced, email consent given on or before the day and neither withdrawn nor expired by then
 * (consent is evidence that can lapse), and no unsubscribe or spam complaint on or before the day
 * (CAN-SPAM, PECR, GDPR). The first address that has not bounced is the one to use.
 */
export function mayEmailOn(contact: Contact, day: string): EmailPermission {
  if (contact.emails.length === 0) return { ok: false, ...because('NoEmailAddress') };
  const email = contact.emails.find((address) => !contact.bounced.some((b) => b.email === address && b.date <= day));
  if (email === undefined) {
    const last = contact.bounced.filter((b) => b.date <= day).at(-1);
    return { ok: false, ...because('EveryAddressBounced', { email: last?.email, date: last?.date, bounce: last?.reason }) };
  }
  if (contact.unsubscribed && contact.unsubscribed.date <= day) {
    return { ok: false, ...because('Unsubscribed', { date: contact.unsubscribed.date }) };
  }
  if (contact.complained && contact.complained.date <= day) {
    return { ok: false, ...because('Complained', { date: contact.complained.date }) };
  }
  const consent = contact.consent.email;
  if (!consent) return { ok: false, ...because('NoEmailConsent') };
  if (consent.date > day) return { ok: false, ...because('ConsentNotYetGiven', { date: consent.date }) };
  if (consent.withdrawn && consent.withdrawn <= day) {
    return { ok: false, ...because('ConsentWithdrawn', { date: consent.withdrawn }) };
  }
  if (consent.expires && consent.expires < day) return { ok: false, ...because('ConsentExpired', { date: consent.expires }) };
  return { ok: true, email };
}

/** `mayEmailOn` for a `Temporal.PlainDate`. */
export function mayEmail(contact: Contact, day: Temporal.PlainDate): EmailPermission {
  return mayEmailOn(contact, day.toString());
}
