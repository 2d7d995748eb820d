/**
 * The issue forms, one file each: adding one means its file, a line here, and its template in
 * `.github/ISSUE_TEMPLATE/` (a test holds the two together).
 */
import type { FormKind } from '../form.ts';
import { importContactsForm } from './import-contacts.ts';
import { logTouchForm } from './log-touch.ts';
import { newContactForm } from './new-contact.ts';
import { newReferralForm } from './new-referral.ts';
import { newTestimonialForm } from './new-testimonial.ts';
import { referralUpdateForm } from './referral-update.ts';

export const FORMS: readonly FormKind[] = [
  logTouchForm,
  newContactForm,
  newReferralForm,
  referralUpdateForm,
  newTestimonialForm,
  importContactsForm,
];

export { planAttachmentImport } from './import-contacts.ts';
