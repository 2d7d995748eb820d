/**
 * schema.org structured data for the business, as JSON-LD.
 *
 * No `Review` or `AggregateRating` markup is emitted for the business's testimonials, on any
 * page. Google treats reviews that a business collects and shows about itself on its own site
 * as "self-serving" and does not show review stars for a LocalBusiness or Organization from them
 * (Google Search Central, "Review snippet" guidelines, 2019 onwards); marking them up anyway
 * risks a manual action for spammy structured data. The testimonials stay plain HTML, with
 * their disclosures beside them.
 */
import type { Settings } from '../core/model/index.ts';

/** Absolute addresses the caller knows: the site, and its logo and photo when it has them. */
type BusinessUrls = { site: string; logo?: string; image?: string };

/** `09:00` as schema.org's `09:00:00`. */
const time = (hhmm: string) => `${hhmm}:00`;

/**
 * The business as a schema.org LocalBusiness (or the more precise type from settings, such as
 * RealEstateAgent or FinancialService), with its postal address, where it is, when it is open,
 * and its pages elsewhere: what search engines show beside the site.
 */
function businessJsonLd(settings: Settings, urls: BusinessUrls): Record<string, unknown> {
  const { business } = settings;
  const address = business.address;
  return {
    '@context': 'https://schema.org',
    '@type': business.type ?? 'LocalBusiness',
    '@id': `${urls.site}#business`,
    name: business.name,
    url: urls.site,
    ...(business.tagline ? { slogan: business.tagline } : {}),
    ...(business.about ? { description: business.about } : {}),
    email: business.email,
    ...(business.phone ? { telephone: business.phone } : {}),
    ...(urls.logo ? { logo: urls.logo } : {}),
    ...((urls.image ?? urls.logo) ? { image: urls.image ?? urls.logo } : {}),
    address: {
      '@type': 'PostalAddress',
      streetAddress: address.street,
      addressLocality: address.locality,
      ...(address.region ? { addressRegion: address.region } : {}),
      postalCode: address.postalCode,
      addressCountry: address.country,
    },
    ...(business.geo ? { geo: { '@type': 'GeoCoordinates', latitude: business.geo.latitude, longitude: business.geo.longitude } } : {}),
    ...(business.openingHours.length
      ? {
          openingHoursSpecification: business.openingHours.map((h) => ({
            '@type': 'OpeningHoursSpecification',
            dayOfWeek: h.days,
            opens: time(h.opens),
            closes: time(h.closes),
          })),
        }
      : {}),
    ...(business.sameAs.length ? { sameAs: business.sameAs } : {}),
    ...(business.memberships.length
      ? { memberOf: business.memberships.map((m) => ({ '@type': 'Organization', name: m.name, ...(m.url ? { url: m.url } : {}) })) }
      : {}),
    ...(business.people.length ? { employee: business.people.map((p) => ({ '@type': 'Person', name: p.name, jobTitle: p.role })) } : {}),
    ...(settings.currency ? { currenciesAccepted: settings.currency } : {}),
    knowsLanguage: settings.site.locale,
  };
}

// Every page carries the business's JSON-LD: its text is made once per settings and addresses.
const businessTexts = new WeakMap<Settings, Map<string, string>>();

/** `businessJsonLd` as the text of its `<script type="application/ld+json">`. */
export function businessJsonLdText(settings: Settings, urls: BusinessUrls): string {
  let texts = businessTexts.get(settings);
  if (!texts) businessTexts.set(settings, (texts = new Map()));
  const key = `${urls.site} ${urls.logo ?? ''} ${urls.image ?? ''}`;
  let text = texts.get(key);
  if (text === undefined) texts.set(key, (text = jsonLdText(businessJsonLd(settings, urls))));
  return text;
}

/** JSON for a `<script type="application/ld+json">`: `<` escaped so no text can close the script. */
export function jsonLdText(data: unknown): string {
  return JSON.stringify(data).replaceAll('<', '\\u003c');
}
