/**
 * Per-contact fields for an email: who it greets, what it says, which result is near them.
 * Pure: content and a date in, fields out. A touch that cannot be emailed comes back with the
 * reason, never as an exception.
 */
import type { Palette } from './email-html.ts';
import {
  EMPTY,
  nearbyBlock,
  paragraphs,
  recapBlock,
  referralBlock,
  resultsBlock,
  reviewLinkBlock,
  testimonialBlock,
} from './email-fragments.ts';
import { fillText, type EmailFields, type Fragment } from './render-email.ts';
import type { Contact, Result, Settings, Testimonial, Content, Entry } from '../model/index.ts';
import type { DueTouch } from '../touches/index.ts';
import { EMAIL_FIELDS, emailKind, wordsFor } from './kinds/index.ts';
import { firstNameOf, frameLine, householdFrameLine, mayEmail, joinList, partnerFirstName, shortName } from '../contacts/index.ts';
import { because, type Reason } from '../reasons/index.ts';
import { birthdaySteps } from './occasions.ts';
import { type Sign, unsubscribeToken } from '../signing/index.ts';

/** Everything needed to build one message. */
export type EmailDraft = {
  touch: DueTouch;
  contact: string;
  /** One address, or one per household member who may be emailed. */
  to: { name: string; address: string }[];
  layout: string;
  subject: string;
  fields: EmailFields;
  unsubscribe: { mailto: string; url?: string };
};

type Personalized = { ok: true; draft: EmailDraft } | ({ ok: false } & Reason);

// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]+/g;

/** Removes CR and LF (and other control characters) from a value bound for a header. */
export function cleanHeader(value: string): string {
  return value
    .replace(CONTROL_CHARACTERS, ' ')
    .replace(/\s{2,}/g, ' ')
    .trim();
}

const onOrBefore = (date: string, today: Temporal.PlainDate) => Temporal.PlainDate.compare(date, today) <= 0;
// YYYY-MM-DD sorts by code unit: no collator (localeCompare's costs some 10 ms to set up).
const byDateDesc = <T extends { data: { date: string } }>(a: T, b: T) =>
  b.data.date < a.data.date ? -1 : b.data.date > a.data.date ? 1 : 0;

const FOOTER_REASONS: Record<Contact['segment'], string> = {
  'past-client': 'You receive this because you are a client of {{businessName}}.',
  sphere: 'You receive this because you know {{senderName}} and agreed to hear from {{businessName}}.',
  partner: 'You receive this because you work with {{businessName}}.',
  prospect: 'You receive this because you asked to hear from {{businessName}}.',
};

export type Personalizer = {
  /** The email for one due email touch, or why it cannot be sent. */
  personalize(touch: DueTouch): Personalized;
  /** Text fields for a personal touch's task line. */
  textFields(contact: Entry<Contact>): EmailFields;
};

/**
 * Turns a newsletter's MDX body into the fragment its email carries: `renderBody` of `core/markup`.
 * `site` is the site's public address, against which a path from its root is read.
 */
export type BodyRenderer = (mdx: string, palette: Palette, site: string) => Fragment;

/**
 * For subjects and tasks alone (the plan): newsletter bodies are left empty, so the MDX and HTML
 * parsers are never loaded. Never for an email that is sent or previewed.
 */
export const SUBJECTS_ONLY: BodyRenderer = () => EMPTY;

/**
 * Prepares what is shared by every email of a run (results, the featured testimonial, newsletter
 * bodies, made by `renderBody`), then personalizes touch by touch. With `sign`, unsubscribe links
 * carry signed tokens.
 */
export function createPersonalizer(
  content: Content,
  settings: Settings,
  today: Temporal.PlainDate,
  { sign, renderBody }: { sign?: Sign; renderBody: BodyRenderer },
): Personalizer {
  const palette: Palette = settings.business.colours;
  const contacts = new Map(content.contacts.map((c) => [c.id, c]));
  const results = content.results.filter((r) => onOrBefore(r.data.date, today)).toSorted(byDateDesc);
  // Shown to other people only when there is no client to name, or the client agreed to email.
  const shareable = results.filter((r) => !r.data.client || r.data.client.consent?.scope.includes('email'));
  // A newsletter's recent results leave out the one shown as near the reader, so no one reads it twice.
  const latest = new Map<string | undefined, Fragment>();
  function latestResults(except: string | undefined): Fragment {
    let fragment = latest.get(except);
    if (!fragment) {
      const shown = shareable.filter((r) => r.id !== except).slice(0, 3);
      fragment = resultsBlock(
        shown.map((r) => r.data),
        palette,
      );
      latest.set(except, fragment);
    }
    return fragment;
  }
  const featured = featuredTestimonial(content.testimonials, today);
  const shared = sharedFields(settings, palette, featured);
  const unsubscribeLinks = unsubscribeLinker(settings, sign);
  const birthdays = birthdaySteps(content.plans);
  const bodies = new Map<string, Fragment>();
  const nearby = new Map<string, Fragment>();
  const byArea = Map.groupBy(
    shareable.filter((r) => r.data.area),
    (r) => r.data.area?.toLowerCase() ?? '',
  );

  function body(id: string, mdx: string): Fragment {
    let fragment = bodies.get(id);
    if (!fragment) {
      fragment = renderBody(mdx, palette, settings.site.url);
      bodies.set(id, fragment);
    }
    return fragment;
  }

  /** The latest result in the contact's area, not about the contact, that others may be shown. */
  function nearbyResult(contact: Entry<Contact>): Entry<Result> | undefined {
    const area = contact.data.area;
    return area ? byArea.get(area.toLowerCase())?.find((r) => r.data.client?.contact !== contact.id) : undefined;
  }

  function nearbyFragment(found: Entry<Result> | undefined): Fragment {
    if (!found) return EMPTY;
    let fragment = nearby.get(found.id);
    if (!fragment) nearby.set(found.id, (fragment = nearbyBlock(found.data, found.data.area ?? '', palette)));
    return fragment;
  }

  function textFields(entry: Entry<Contact>): EmailFields {
    const c = entry.data;
    const firstName = firstNameOf(c);
    const partnerName = partnerFirstName(c) ?? '';
    const unsubscribeUrl = unsubscribeLinks([entry.id], c.emails[0] ?? '').footer;
    const fields: EmailFields = {
      ...shared,
      firstName,
      name: c.name,
      greeting: `Hi ${firstName},`,
      household: partnerName ? `${firstName} and ${partnerName}` : firstName,
      partnerName,
      community: c.communities[0]?.name ?? '',
      area: c.area ?? '',
      unsubscribeUrl,
      suggestedDisplayName: [shortName(c), c.area].filter(Boolean).join(', '),
    };
    fields.footerReason = fillText(FOOTER_REASONS[c.segment], fields);
    return fields;
  }

  function personalize(touch: DueTouch): Personalized {
    const entry = contacts.get(touch.contact);
    if (!entry) return { ok: false, ...because('ContactNotFound', { contact: touch.contact }) };
    const permission = mayEmail(entry.data, today);
    if (!permission.ok) return { ok: false, code: permission.code, reason: permission.reason };
    const layout = touch.template ?? 'note';
    const fields = textFields(entry);
    const to = [{ name: cleanHeader(entry.data.name), address: permission.email }];
    const greeted = [firstNameOf(entry.data)];
    const together = [entry.data];
    const recipients = [entry.id];
    // A household's touch goes once, to each member who may still be emailed, and greets them all.
    for (const member of touch.household ?? []) {
      const other = contacts.get(member.contact);
      const allowed = other && mayEmail(other.data, today);
      if (!other || !allowed?.ok) continue;
      to.push({ name: cleanHeader(other.data.name), address: allowed.email });
      greeted.push(firstNameOf(other.data));
      together.push(other.data);
      recipients.push(other.id);
    }
    // One email, one set of links: they stand for everyone it went to (see `unsubscribeLinker`).
    const unsubscribe = unsubscribeLinks(recipients, permission.email);
    fields.unsubscribeUrl = unsubscribe.footer;
    if (greeted.length > 1) {
      fields.firstName = joinList(greeted);
      fields.name = joinList(to.map((r) => r.name));
      fields.greeting = `Hi ${fields.firstName},`;
      fields.household = fields.firstName;
    }
    let subject = touch.subject;
    const kind = emailKind(layout);
    let preheader = kind?.preheader ?? '';
    // A birthday note is personal: no result near them beside it.
    const near = birthdays.has(`${touch.plan}\u0000${touch.step}`) ? undefined : nearbyResult(entry);
    if (touch.newsletter) {
      const issue = content.newsletters.find((n) => n.id === touch.newsletter);
      if (!issue) return { ok: false, ...because('NewsletterNotFound', { newsletter: touch.newsletter }) };
      if (issue.data.draft) return { ok: false, ...because('NewsletterDraft', { newsletter: issue.id }) };
      subject = issue.data.subject;
      preheader = issue.data.preheader;
      fields.body = body(issue.id, issue.body);
      fields.results = latestResults(near?.id);
    }
    fields.nearbyResult = nearbyFragment(near);
    Object.assign(fields, touchFields(entry, content, contacts, results, palette));
    // An ask to a household is framed in words true for each person it greets.
    if (together.length > 1) {
      const people = together.map((p) => ({ firstName: firstNameOf(p), communities: p.communities }));
      fields.frameOfReference = paragraphs(householdFrameLine(entry.data.segment, people), palette);
    }
    if (kind?.recapsResult && !fields.resultTitle) return { ok: false, ...because('NoResultToRecap', { layout }) };
    for (const [name, words] of Object.entries(kind?.words ?? {})) fields[name] = fillText(wordsFor(words, entry.data.segment), fields);
    // Filled paragraph by paragraph: a blank line in the step's suggestion starts a new one.
    const message = (touch.suggestion ?? wordsFor(kind?.message, entry.data.segment)).split(/\n\s*\n/);
    fields.message = paragraphs(message.map((p) => fillText(p, fields)).join('\n\n'), palette);
    fields.subject = cleanHeader(fillText(subject ?? '', fields));
    fields.preheader = fillText(preheader, fields);
    if (!fields.subject) return { ok: false, ...because('NoSubject') };
    if (fields.subject.includes('{{')) return { ok: false, ...because('SubjectUnfilled', { subject: fields.subject }) };
    // A reply written from the email's own button has no In-Reply-To: its subject is how intake
    // finds the touch it answers.
    fields.replyMailto = `${shared.replyMailto}?subject=${encodeURIComponent(`Re: ${fields.subject}`)}`;
    for (const name of EMAIL_FIELDS) fields[name] ??= '';
    return {
      ok: true,
      draft: {
        touch,
        contact: entry.id,
        to,
        layout,
        subject: fields.subject as string,
        fields,
        unsubscribe: { mailto: unsubscribe.mailto, ...(unsubscribe.oneClick ? { url: unsubscribe.oneClick } : {}) },
      },
    };
  }

  return { personalize, textFields };
}

/**
 * Where each email's unsubscribe links go, given the contacts it went to (a household's email goes
 * to several, the lead first) and the lead's address. With the secret, each carries a signed token
 * (see `unsubscribeToken`): the footer opens the site's `/unsubscribe/` page, the mailto's subject
 * carries the token, and a one-click endpoint, when settings name one, gets it too. Without the
 * secret nothing can be signed: the footer and List-Unsubscribe offer the mailto alone, whose
 * subject names the contacts. An email has one List-Unsubscribe header, so its links cannot say
 * which of a household clicked: intake tells by the sender's address where it can, and stops
 * them all where it cannot.
 */
type UnsubscribeLinks = { footer: string; mailto: string; oneClick?: string };

function unsubscribeLinker(settings: Settings, sign: Sign | undefined): (contacts: readonly string[], address: string) => UnsubscribeLinks {
  const mailto = (subject: string) => `mailto:${settings.unsubscribe.mailto}?subject=${encodeURIComponent(subject)}`;
  if (!sign)
    return (contacts) => {
      const plain = mailto(`Unsubscribe ${contacts.join(' ')}`);
      return { footer: plain, mailto: plain };
    };
  // Each base is parsed once, not once an email: setting `t` again on the same URL gives what
  // setting it on a fresh parse of the base would.
  const withToken = (base: string) => {
    const url = new URL(base);
    return (token: string) => {
      url.searchParams.set('t', token);
      return url.href;
    };
  };
  const site = settings.site.url.endsWith('/') ? settings.site.url : `${settings.site.url}/`;
  const footer = withToken(new URL('unsubscribe/', site).href);
  const oneClick = settings.unsubscribe.url ? withToken(settings.unsubscribe.url) : undefined;
  return (contacts, address) => {
    const token = unsubscribeToken(sign, contacts, address);
    return { footer: footer(token), mailto: mailto(`Unsubscribe ${token}`), ...(oneClick ? { oneClick: oneClick(token) } : {}) };
  };
}

function sharedFields(settings: Settings, palette: Palette, featured: Testimonial | undefined): EmailFields {
  const b = settings.business;
  const a = b.address;
  const fields: EmailFields = {
    businessName: b.name,
    tagline: b.tagline ?? '',
    businessPhone: b.phone ?? '',
    senderName: settings.sender.name,
    signOff: 'Best wishes,',
    signatureLine: [b.name, b.phone].filter(Boolean).join(' · '),
    postalAddress: [a.street, a.locality, a.region, a.postalCode, a.country].filter(Boolean).join(', '),
    siteUrl: settings.site.url,
    siteName: new URL(settings.site.url).host,
    replyMailto: `mailto:${settings.sender.replyTo ?? settings.sender.email}`,
    testimonial: testimonialBlock(featured, palette),
    reviewLink: reviewLinkBlock(b.googleReviewUrl, palette),
    body: EMPTY,
    results: EMPTY,
  };
  return fields;
}

/** The featured testimonial that may appear in email: published, consented for email, newest first. */
export function featuredTestimonial(testimonials: Content['testimonials'], today: Temporal.PlainDate): Testimonial | undefined {
  return testimonials
    .filter((t) => t.data.featured && t.data.status === 'published' && t.data.consent?.scope.includes('email'))
    .filter((t) => onOrBefore(t.data.date, today))
    .toSorted(byDateDesc)[0]?.data;
}

function touchFields(
  entry: Entry<Contact>,
  content: Content,
  contacts: Map<string, Entry<Contact>>,
  results: Content['results'],
  palette: Palette,
): EmailFields {
  const c = entry.data;
  const own: Result | undefined = results.find((r) => r.data.client?.contact === entry.id)?.data;
  const referral = content.referrals.filter((r) => r.data.referrer === entry.id).toSorted(byDateDesc)[0];
  const referred = referral ? contacts.get(referral.data.referred)?.data : undefined;
  const referredName = referred?.name ?? '';
  const referBack = c.offers
    ? `You told us you offer ${c.offers}. When we meet someone who needs that, we will send them your way${c.goodReferral ? `, and we remember who you would most like to meet: ${c.goodReferral}` : ''}.`
    : '';
  return {
    recap: recapBlock(own, palette),
    resultTitle: own?.title ?? '',
    referredName,
    referredFirstName: referred ? firstNameOf(referred) : 'your friend',
    referralUpdate: referralBlock(referral?.data, referred ? firstNameOf(referred) : '', palette),
    referBack: paragraphs(referBack, palette),
    frameOfReference: paragraphs(
      frameLine(c, c.communities[0]?.name, (id) => contacts.get(id)?.data),
      palette,
    ),
  };
}
