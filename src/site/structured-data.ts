/** schema.org structured data for the business, as JSON-LD. */
import type { Settings } from '../core/model/index.ts';

/**
 * The business as a schema.org LocalBusiness (or the more precise type from settings, such as
 * RealEstateAgent), with its postal address: what search engines show beside the site.
 */
export function businessJsonLd(settings: Settings, urls: { site: string; logo?: string }): Record<string, unknown> {
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
    ...(urls.logo ? { logo: urls.logo, image: urls.logo } : {}),
    address: {
      '@type': 'PostalAddress',
      streetAddress: address.street,
      addressLocality: address.locality,
      ...(address.region ? { addressRegion: address.region } : {}),
      postalCode: address.postalCode,
      addressCountry: address.country,
    },
    ...(business.people.length ? { employee: business.people.map((p) => ({ '@type': 'Person', name: p.name, jobTitle: p.role })) } : {}),
  };
}

/** JSON for a `<script type="application/ld+json">`: `<` escaped so no text can close the script. */
export function jsonLdText(data: unknown): string {
  return JSON.stringify(data).replaceAll('<', '\\u003c');
}
