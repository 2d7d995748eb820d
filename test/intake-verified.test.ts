/**
 * Intake checks who is writing (issue 15, point 6): a reply counts as its sender's only when a
 * DKIM signature of the From domain verifies, or the mailbox provider named in
 * `intake.trustedAuthServId` says dkim=pass / dmarc=pass in its Authentication-Results. A draft
 * testimonial from any other reply records no consent until the owner confirms. The messages are
 * real, signed here with a key made here; mailauth finds the key through its resolver hook,
 * answered from a map (no network).
 */
import { cp, readFile, writeFile } from 'node:fs/promises';
import { generateKeyPairSync } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readIntakeContent, writeIntake } from '../src/adapters/fs/index.ts';
import { type DnsResolver, readMessageFiles } from '../src/adapters/mailbox/index.ts';
import { planIntake, type IntakePlan } from '../src/core/intake/index.ts';
import { buildMail, dkimKeyRecord, signDkim } from './helpers/intake-mail.ts';
import { ROOT, runScript, type ScriptRun } from './helpers/run-script.ts';
import { removeTree, writeTree } from './helpers/temp-dir.ts';

const TODAY = Temporal.PlainDate.from('2026-11-04');
const YES = 'They kept our chain together when our buyer wobbled.\n\nHappy for you to use this on your website, as we said.\n';

const example = generateKeyPairSync('rsa', { modulusLength: 2048 });
const elsewhere = generateKeyPairSync('rsa', { modulusLength: 2048 });

/** The DNS the test's world has: example.com's DKIM key, and DMARC p=reject for every domain. */
const DNS: Record<string, string[][]> = {
  'TXT s1._domainkey.example.com': [[dkimKeyRecord(example.publicKey)]],
  'TXT _dmarc.example.com': [['v=DMARC1; p=reject']],
  'TXT _dmarc.patel.example': [['v=DMARC1; p=reject']],
  'TXT _dmarc.example.net': [['v=DMARC1; p=reject']],
};
const lookups: string[] = [];
const resolver: DnsResolver = async (name, type) => {
  lookups.push(`${type} ${name}`);
  const records = DNS[`${type} ${name.toLowerCase()}`];
  if (records) return records;
  throw Object.assign(new Error(`queryTxt ENOTFOUND ${name}`), { code: 'ENOTFOUND' });
};

let dir: string;
let content: string;
let plan: IntakePlan;
let verdicts: Record<string, unknown>;
let check: ScriptRun;

const reply = (from: string, firstName: string, headers?: Record<string, string>) =>
  buildMail({
    from,
    to: 'hello@harbourhill.example',
    subject: `Re: A small favour, ${firstName}?`,
    text: YES,
    messageId: `<reply-${firstName.toLowerCase()}@mail.example>`,
    ...(headers ? { headers } : {}),
  });

beforeAll(async () => {
  dir = await writeTree({}, 'referable-intake-verified-');
  content = path.join(dir, 'content');
  await cp(path.join(ROOT, 'test/fixtures/intake'), content, { recursive: true });

  const tampered = (await signDkim(await reply('Tom Harris <tom.harris@example.com>', 'Tom'), 'example.com', 's1', example.privateKey))
    .toString('latin1')
    .replace('chain together', 'chain apart');
  const messages: Record<string, Buffer | string> = {
    // Signed by Ana's mail server: the key in example.com's DNS verifies it.
    'reply-dkim.eml': await signDkim(await reply('Ana Ruiz <ana.ruiz@example.com>', 'Ana'), 'example.com', 's1', example.privateKey),
    // Signed, then changed on the way: the signature fails, and example.com says p=reject.
    'reply-tampered.eml': tampered,
    // From Priya's address, signed by someone else's domain, with an Authentication-Results header
    // that an untrusted server (or the sender) wrote.
    'reply-forged.eml': await signDkim(
      await reply('Priya Patel <priya@patel.example>', 'Priya', {
        'Authentication-Results': 'mx.elsewhere.example; dkim=pass header.d=patel.example; dmarc=pass header.from=patel.example',
      }),
      'elsewhere.example',
      's1',
      elsewhere.privateKey,
    ),
    // No signature, but the owner's mailbox provider checked it on arrival.
    'reply-trusted.eml': await reply('Leo Novak <leo.novak@example.net>', 'Leo', {
      'Authentication-Results':
        'mx.harbourhill.example; dkim=pass (2048-bit key) header.d=example.net header.i=@example.net; spf=pass smtp.mailfrom=leo.novak@example.net; dmarc=pass (p=REJECT) header.from=example.net',
    }),
    'unsubscribe-dkim.eml': await signDkim(
      await buildMail({
        from: 'Ana Ruiz <ana.ruiz@example.com>',
        to: 'unsubscribe@harbourhill.example',
        subject: 'Unsubscribe',
        text: '',
        messageId: '<unsub-ana@mail.example>',
      }),
      'example.com',
      's1',
      example.privateKey,
    ),
  };
  for (const [name, raw] of Object.entries(messages)) await writeFile(path.join(dir, name), raw);

  const read = await readIntakeContent(content);
  if (!read.input) throw new Error(read.problems.map((p) => p.message).join('; '));
  const files = Object.keys(messages).map((name) => path.join(dir, name));
  const { messages: parsed, problems } = await readMessageFiles(files, {
    trustedAuthServId: read.input.settings.intake?.trustedAuthServId,
    resolver,
  });
  expect(problems).toEqual([]);
  verdicts = Object.fromEntries(parsed.map((m) => [path.basename(m.source), m.verified ?? 'unverified']));
  plan = planIntake(parsed, read.input, TODAY, '2026-11-04T12:00:00Z');
  expect(await writeIntake(content, plan)).toEqual({ ok: true });
  check = await runScript('check', ['--content', content]);
});

afterAll(() => removeTree(dir));

const draft = (id: string) => readFile(path.join(content, 'testimonials', `${id}-reply-2026-11-04.mdx`), 'utf8');
const frontMatter = async (id: string) => parse((await draft(id)).split(/^---$/m)[1]) as Record<string, unknown>;

describe('intake checks who is writing', () => {
  it('verifies a DKIM signature of the From domain, and the trusted mailbox’s Authentication-Results, and nothing else', () => {
    expect(verdicts).toEqual({
      'reply-dkim.eml': { how: 'dkim', domain: 'example.com' },
      'reply-tampered.eml': 'unverified',
      'reply-forged.eml': 'unverified',
      'reply-trusted.eml': { how: 'authentication-results', domain: 'example.net' },
      'unsubscribe-dkim.eml': { how: 'dkim', domain: 'example.com' },
    });
    expect(lookups).toContain('TXT s1._domainkey.example.com');
  });

  it('records consent from a verified reply, saying how it was verified', async () => {
    expect((await frontMatter('ana-ruiz')).consent).toEqual({
      scope: ['website'],
      date: '2026-11-04',
      evidence:
        'email <reply-ana@mail.example> of 2026-11-04, sender verified by DKIM for example.com: "Happy for you to use this on your website, as we said."',
    });
    expect((await frontMatter('leo-novak')).consent).toEqual({
      scope: ['website'],
      date: '2026-11-04',
      evidence:
        'email <reply-leo@mail.example> of 2026-11-04, sender verified by your mailbox provider for example.net: "Happy for you to use this on your website, as we said."',
    });
  });

  it('records no consent from a reply whose signature fails or whose verdict comes from an untrusted server', async () => {
    for (const id of ['tom-harris', 'priya-patel']) {
      const text = await draft(id);
      expect((await frontMatter(id)).consent).toBeUndefined();
      expect(text).toContain('# Unverified sender: consent not recorded until you confirm.');
      expect(text).toContain('#   "Happy for you to use this on your website, as we said."');
    }
    const notes = plan.outcomes
      .filter((o) => o.kind === 'testimonial')
      .map((o) => `${o.contact}: ${o.note.replace(/^.*: draft /, '').replace(`${content}/`, '')}`);
    expect(notes).toEqual([
      'ana-ruiz: testimonials/ana-ruiz-reply-2026-11-04.mdx',
      'tom-harris: testimonials/tom-harris-reply-2026-11-04.mdx (unverified sender: consent not recorded until you confirm)',
      'priya-patel: testimonials/priya-patel-reply-2026-11-04.mdx (unverified sender: consent not recorded until you confirm)',
      'leo-novak: testimonials/leo-novak-reply-2026-11-04.mdx',
    ]);
  });

  it('says in an unsubscribe’s evidence that the sender was verified', async () => {
    expect(await readFile(path.join(content, 'contacts/ana-ruiz.yaml'), 'utf8')).toMatch(
      /unsubscribed:\n {2}date: 2026-11-04\n {2}evidence: .*\(sender verified by DKIM for example.com\)/,
    );
  });

  it('leaves content that passes the check', () => {
    expect(check.stderr).toBe('');
    expect(check.code).toBe(0);
  });

  it('gives no verdict, and no failure, when DNS does not answer', async () => {
    const down: DnsResolver = async (name) => {
      throw Object.assign(new Error(`queryTxt ETIMEOUT ${name}`), { code: 'ETIMEOUT' });
    };
    const { messages, problems } = await readMessageFiles([path.join(dir, 'reply-dkim.eml')], { resolver: down });
    expect(problems).toEqual([]);
    expect(messages.map((m) => [m.from, m.verified])).toEqual([['ana.ruiz@example.com', undefined]]);
  });
});
