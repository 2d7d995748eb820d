/**
 * Deterministic synthetic content for tests and benchmarks: the same seed gives the same files.
 * The output is a file tree (relative path → text) that `validateContent` accepts as it is.
 */
import { stringify } from 'yaml';

export type GenerateOptions = {
  contacts: number;
  seed?: number;
  testimonials?: number;
  referrals?: number;
};

/** mulberry32: small, fast and good enough for fixtures. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = [
  'Ana',
  'Tom',
  'Priya',
  'Liam',
  'Chloe',
  'Omar',
  'Grace',
  'Mateo',
  'Ivy',
  'Ben',
  'Zara',
  'Noah',
  'Maya',
  'Leo',
  'Ruth',
  'Sam',
  'Elif',
  'Kofi',
  'Nina',
  'Hugo',
];
const LAST = [
  'Ruiz',
  'Harris',
  'Patel',
  'Okafor',
  'Byrne',
  'Haddad',
  'Chen',
  'Silva',
  'Walsh',
  'Novak',
  'Kaur',
  'Evans',
  'Moreau',
  'Brennan',
  'Adeyemi',
  'Lindqvist',
];
const AREAS = ['Clifton', 'Redland', 'Cotham', 'Bishopston', 'Southville', 'Bedminster', 'Henleaze', 'Westbury'];
const COMMUNITIES = [
  'Clifton Rowing Club',
  'Redland Green Tennis',
  'St Mary PTA',
  'Harbourside Choir',
  'Downs Parkrun',
  'Westbury Golf Club',
];
const LIKES = ['good coffee', 'gardening', 'red wine', 'theatre', 'cycling', 'baking', 'jazz', 'local honey'];
const TAGS = ['first-time-buyer', 'landlord', 'downsizer', 'investor', 'family', 'relocating'];
const SEGMENTS = ['past-client', 'past-client', 'sphere', 'sphere', 'partner', 'prospect'] as const;

const pick = <T>(rnd: () => number, list: readonly T[]): T => list[Math.floor(rnd() * list.length)];
const pad = (n: number) => String(n).padStart(2, '0');
const day = (rnd: () => number, fromYear: number, toYear: number) =>
  `${fromYear + Math.floor(rnd() * (toYear - fromYear + 1))}-${pad(1 + Math.floor(rnd() * 12))}-${pad(1 + Math.floor(rnd() * 28))}`;

export const SETTINGS = {
  business: {
    name: 'Generated Homes',
    email: 'hello@generated.example',
    address: { street: '1 Test Street', locality: 'Bristol', postalCode: 'BS1 1AA', country: 'United Kingdom' },
  },
  sender: { name: 'Gen Agent', email: 'agent@generated.example', replyTo: 'hello@generated.example' },
  timeZone: 'Europe/London',
  currency: 'GBP',
  site: { url: 'https://generated.example' },
  unsubscribe: { mailto: 'unsubscribe@generated.example', url: 'https://generated.example/unsubscribe' },
};

/** Plans shaped like the sample's: newsletter, quarterly call, anniversary card, birthday, new-client sequence, referral thanks. */
const PLANS: Record<string, unknown> = {
  'monthly-newsletter': {
    name: 'Monthly newsletter',
    priority: 20,
    audience: { segments: ['past-client', 'sphere', 'partner'] },
    steps: [{ id: 'send', channel: 'email', template: 'newsletter', due: { rule: 'newsletter' } }],
  },
  'quarterly-call': {
    name: 'Quarterly call for top clients',
    priority: 60,
    audience: { tiers: ['top'] },
    steps: [{ id: 'call', channel: 'call', due: { rule: 'every', interval: 3, unit: 'months' }, task: 'Call {{firstName}} to catch up.' }],
  },
  'closing-anniversary': {
    name: 'Closing anniversary card',
    priority: 50,
    audience: { segments: ['past-client'] },
    steps: [
      { id: 'card', channel: 'card', due: { rule: 'anniversary', of: 'closing', daysBefore: 5 }, task: 'Send a home-anniversary card.' },
    ],
  },
  birthday: {
    name: 'Birthday',
    priority: 70,
    steps: [
      {
        id: 'email',
        channel: 'email',
        template: 'note',
        subject: 'Happy birthday, {{firstName}}',
        due: { rule: 'anniversary', of: 'birthday' },
      },
    ],
  },
  'new-client': {
    name: 'Eight touches in eight weeks',
    priority: 40,
    audience: { segments: ['past-client'] },
    steps: [
      {
        id: 'weekly-note',
        channel: 'email',
        template: 'note',
        subject: 'A note for your move, {{firstName}}',
        due: { rule: 'sequence', trigger: 'became-client', count: 8, spacingDays: 7, startAfter: 7 },
      },
    ],
  },
  'referral-thanks': {
    name: 'Referral thanks',
    priority: 90,
    steps: [
      {
        id: 'thank',
        channel: 'email',
        template: 'referral-thanks',
        subject: 'Thank you, {{firstName}}',
        due: { rule: 'after', trigger: 'made-referral', days: 1 },
      },
      {
        id: 'gift',
        channel: 'gift',
        task: 'Choose a thank-you gift for {{firstName}}.',
        due: { rule: 'after', trigger: 'made-referral', days: 2 },
      },
    ],
  },
};

export const TEMPLATES = ['newsletter', 'note', 'referral-thanks'];

function contact(i: number, rnd: () => number): { id: string; data: Record<string, unknown> } {
  const first = pick(rnd, FIRST);
  const last = pick(rnd, LAST);
  const id = `${first}-${last}-${i}`.toLowerCase();
  const segment = pick(rnd, SEGMENTS);
  const data: Record<string, unknown> = {
    name: `${first} ${last}`,
    emails: rnd() < 0.95 ? [`${id}@mail.example`] : [],
    phone: `07700 9${String(i % 100000).padStart(5, '0')}`,
    segment,
    tier: rnd() < 0.15 ? 'top' : 'standard',
    tags: [pick(rnd, TAGS)],
    area: pick(rnd, AREAS),
    communities: rnd() < 0.4 ? [{ name: pick(rnd, COMMUNITIES) }] : [],
    dates: {
      ...(segment === 'past-client' ? { clientSince: day(rnd, 2016, 2026), closing: day(rnd, 2016, 2026) } : {}),
      ...(rnd() < 0.7 ? { birthday: rnd() < 0.5 ? day(rnd, 1950, 2000) : day(rnd, 2000, 2000).slice(5) } : {}),
    },
    gifts: { likes: [pick(rnd, LIKES)], dislikes: [] },
  };
  if (rnd() < 0.9) {
    data.consent = {
      email: { basis: segment === 'past-client' ? 'existing-client' : 'consent', source: 'Generated', date: day(rnd, 2015, 2025) },
    };
  }
  if (rnd() < 0.02) data.unsubscribed = { date: day(rnd, 2025, 2026), evidence: 'Generated request' };
  return { id, data };
}

/** A content folder of `contacts` people with the sample's plans, a few newsletters, referrals and testimonials. */
export function generateContent(options: GenerateOptions): Record<string, string> {
  const rnd = random(options.seed ?? 1);
  const files: Record<string, string> = { 'settings.yaml': stringify(SETTINGS) };
  for (const [id, plan] of Object.entries(PLANS)) files[`plans/${id}.yaml`] = stringify(plan);
  const ids: string[] = [];
  for (let i = 0; i < options.contacts; i++) {
    const { id, data } = contact(i, rnd);
    ids.push(id);
    files[`contacts/${id}.yaml`] = stringify(data);
  }
  for (const [n, date] of ['2026-10-06', '2026-11-03', '2026-12-01'].entries()) {
    const front = stringify({ subject: `Advice number ${n + 1}`, preheader: 'Useful things for homeowners', sendDate: date });
    files[`newsletters/advice-${n + 1}.mdx`] = `---\n${front}---\n\n## Tip ${n + 1}\n\nBleed your radiators before winter.\n`;
  }
  const referrals = Math.min(options.referrals ?? Math.ceil(options.contacts / 50), Math.floor(ids.length / 2));
  for (let r = 0; r < referrals; r++) {
    const referral = {
      referrer: ids[2 * r],
      referred: ids[2 * r + 1],
      date: day(rnd, 2026, 2026),
      status: [{ status: 'introduced', date: '2026-01-02' }],
    };
    files[`referrals/referral-${r + 1}.yaml`] = stringify(referral);
  }
  for (let t = 0; t < (options.testimonials ?? 10); t++) {
    const kind = pick(rnd, ['consumer', 'consumer', 'expert', 'organization'] as const);
    const front = {
      kind,
      author: { name: `${pick(rnd, FIRST)} ${pick(rnd, LAST).charAt(0)}.`, description: `Client in ${pick(rnd, AREAS)}` },
      quote: `They kept us informed at every step and sold our home in ${2 + (t % 20)} days.`,
      date: day(rnd, 2020, 2026),
      source: { name: 'Email' },
      consent: { scope: ['website', 'email'], date: '2026-01-01', evidence: 'Reply to a testimonial request' },
      featured: t % 7 === 0,
      tags: [pick(rnd, TAGS)],
      ...(kind === 'expert' ? { qualification: 'Chartered surveyor (MRICS)' } : {}),
      ...(kind === 'organization' ? { organization: 'Harbour Relocation Ltd', process: 'Survey of 40 relocated staff in 2025' } : {}),
    };
    files[`testimonials/testimonial-${t + 1}.mdx`] = `---\n${stringify(front)}---\n\nA longer story about testimonial ${t + 1}.\n`;
  }
  return files;
}
