/** Links that work under any base path (GitHub Pages serves a project site under /<repo>/). */
import type { CallToAction } from '../core/model/index.ts';

/** A site path (`testimonials/`) under `base` (`/`, `/repo`, `/repo/`), always starting with `/`. */
export function withBase(path: string, base: string): string {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  return prefix + path.replace(/^\/+/, '');
}

/** An internal link for the current build. */
export function href(path = ''): string {
  return withBase(path, import.meta.env.BASE_URL);
}

/** The absolute address of a site path, for feeds, canonical links and social cards. */
export function absoluteUrl(path: string, site: URL | string): string {
  return new URL(href(path), site).href;
}

/** A logo from settings as a same-site path; a logo on another host is never loaded (no third-party requests). */
export function logoPath(logo: string | undefined): string | undefined {
  if (!logo || /^[a-z][a-z0-9+.-]*:/i.test(logo) || logo.startsWith('//')) return undefined;
  return href(logo);
}

/** A mailto link with subject and body, encoded as RFC 6068 asks. */
export function mailto(address: string, fields: { subject?: string; body?: string } = {}): string {
  const query = Object.entries(fields)
    .filter(([, v]) => v)
    .map(([k, v]) => `${k}=${encodeURIComponent(v as string)}`)
    .join('&');
  return `mailto:${address}${query ? `?${query}` : ''}`;
}

/** A tel: link from a number as written (`0117 496 0000`). */
export function tel(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}

/** Where the call to action goes: its booking page, a tel: link, or an email with its subject. */
export function callToActionHref(cta: CallToAction): string {
  if (cta.url) return cta.url;
  if (cta.phone) return tel(cta.phone);
  return mailto(cta.email ?? '', { subject: cta.subject });
}
