/**
 * An issue form: the fields its template asks for (`.github/ISSUE_TEMPLATE/<id>.yml`) and how its
 * answers become a change to the content. One file per form in `kinds/`, listed in `FORMS`.
 */
import type { ContactChange } from '../import/index.ts';
import type { Content, DateOrder, HistoryEntry, Segment } from '../model/index.ts';

/** A field of an issue form, as its template declares it. */
export type FormField = {
  /** The template's `id`. */
  id: string;
  /** The heading GitHub writes above the answer (`### Contact`). */
  label: string;
  type: 'input' | 'textarea' | 'dropdown' | 'checkboxes';
  /** A dropdown's choices, or the boxes of a checkboxes field. */
  options?: readonly string[];
  required?: boolean;
};

/** The answers: text for inputs, textareas and dropdowns (empty when left blank), the ticked boxes' labels for checkboxes. */
export type FormValues = Record<string, string | string[]>;

/** Something wrong with an answer: the field's label and what is wrong, in plain words. */
export type FormProblem = { field: string; message: string };

/** A content folder of new files. */
type Folder = 'contacts' | 'referrals' | 'testimonials';

/** A file the change adds. `labels` maps its keys (dot paths) back to the form's fields. */
export type NewFile = { folder: Folder; id: string; data: Record<string, unknown>; body?: string; labels: Record<string, string> };

/** Changes to a file that exists (`file` as the content reading gave it). */
export type FileEdit = { folder: Folder; id: string; file: string; changes: ContactChange[]; labels: Record<string, string> };

/** What a form asks for, before anything is written. */
export type FormChange =
  /** A touch done by hand, for the history. `already`: the same touch is there; nothing to write. */
  | { kind: 'history'; entry: HistoryEntry; already: boolean; summary: string }
  /** New and edited content files, for a pull request titled `title`. */
  | {
      kind: 'files';
      create: NewFile[];
      edit: FileEdit[];
      title: string;
      summary: string;
      /** What the change leaves out, a line each (an import's unreadable rows and values). */
      leftOut?: string[];
    }
  /** An address book attached to the issue, to download and import (see `planAttachmentImport`). */
  | { kind: 'import'; attachment: { name: string; url: string }; segment: Segment; source?: string; update: boolean };

/** What a form's answers are read against. */
export type FormContext = {
  /** The content as it is, validated. */
  content: Content;
  /** The business's day the issue was opened. */
  today: Temporal.PlainDate;
  /** The moment the issue was opened, ISO 8601. */
  at: string;
  /** The issue, named as evidence (consent, testimonials) and in the history. */
  issue: { number: number; url: string };
  /** Where attachments may come from: `https://github.com` or GitHub Enterprise's address. */
  server: string;
  /** How an ambiguous numeric date is read: settings' dateOrder, else its locale's (see `importHints`). */
  dateOrder?: DateOrder;
  /** The code page of an attached export that is neither Unicode nor recognised by its bytes: the locale's. */
  encoding?: string;
};

export type FormResult = { ok: true; change: FormChange } | { ok: false; problems: FormProblem[] };

export type FormKind = {
  /** The template's file name without `.yml`. */
  id: string;
  /** The template's `name`, as the owner picks it from "New issue". */
  name: string;
  fields: readonly FormField[];
  /** The change the answers ask for, or every problem with them. Pure. */
  toChange(values: FormValues, context: FormContext): FormResult;
};
