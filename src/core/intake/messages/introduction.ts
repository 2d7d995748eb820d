import { slugify } from '../../contacts/index.ts';
import { countReply } from '../reply-touch.ts';
import type { Heard, MessageKind, Run } from '../run.ts';

/**
 * The site's "Introduce someone" email (its mailto link in `ContactActions.astro` fills in the
 * subject "An introduction" and three lines to complete). From a contact, it becomes a draft
 * referral with that contact as referrer; the owner completes it, and `check` lists it until then.
 */
export const introduction: MessageKind = {
  recognise: ({ message }) => SUBJECT.test(message.subject) && FIELDS.name.test(message.words),
  apply(heard, run) {
    take(run, heard);
  },
};

const SUBJECT = /^(?:\s*(?:re|fwd?)\s*:\s*)*an introduction\s*$/i;
const FIELDS = {
  name: /^[ \t>]*their name:[ \t]*(.*)$/im,
  reach: /^[ \t>]*how to reach them[^:\n]*:[ \t]*(.*)$/im,
  need: /^[ \t>]*what they need:[ \t]*(.*)$/im,
};

function take(run: Run, heard: Heard): void {
  const { message, from, out, day } = heard;
  const field = (name: keyof typeof FIELDS) => FIELDS[name].exec(message.words)?.[1]?.trim() || undefined;
  const [name, reach, need] = [field('name'), field('reach'), field('need')];
  if (!from) {
    out(
      'unknown',
      `an introduction from the site by ${message.from ?? 'no address'}, who is no contact: left alone; add them as a contact and take it in again`,
    );
    return;
  }
  countReply(run, heard, from);
  const referred = slugify(name ?? '') || 'someone';
  const id = `${from.id}-${referred}`;
  const folder = run.input.referralsFolder;
  const existing = run.input.referrals.find((r) => r.id === id || (message.messageId !== undefined && r.text.includes(message.messageId)));
  if (existing || run.referralIds.has(id)) {
    out(
      'referral',
      `${from.id} introduced ${name ?? 'someone'} from the site: already taken in as ${folder}/${existing?.id ?? id}.yaml`,
      false,
      from,
    );
    return;
  }
  run.referralIds.add(id);
  run.plan.referrals.push({
    id,
    data: {
      referrer: from.id,
      referred,
      date: day,
      ...(need ? { need } : {}),
      status: [{ status: 'introduced', date: day }],
      draft: { evidence: `${heard.evidence} from ${message.from}`, ...(name ? { name } : {}), ...(reach ? { reach } : {}) },
    },
  });
  out('referral', `${from.id} introduced ${name ?? 'someone'} from the site: draft ${folder}/${id}.yaml to complete`, true, from);
}
