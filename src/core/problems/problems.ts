/**
 * The problem catalogue. A problem is something wrong in the owner's files or settings: a value to
 * report, never an exception. Codes are permanent; messages say what happened, hints what to do.
 */

/** What to do about each problem, by code. */
export const PROBLEM_HINTS = {
  // Reading files
  MalformedYaml: 'Fix the YAML syntax at this spot: check indentation, colons and quotes.',
  YamlTag: 'Remove the tag (the word that starts with !) and write the value as plain text, in quotes if it starts with !.',
  MalformedJson: 'Each history line must be one JSON object. History is written by the jobs: restore the line from Git.',
  EmptyFile: 'Fill the file in, or delete it.',
  FileTooLarge: 'Content files are small, one record each. Split it, or move large assets elsewhere.',
  UnexpectedFile:
    'Content folders hold .yaml files (.mdx for newsletters, results and testimonials; photos in images/). Move this file out.',
  MissingFrontMatter: 'Start the file with front matter between two lines of three dashes (---).',
  MalformedMdx: 'Fix the MDX at this spot: a { or < meant as text is written \\{ or \\<, and every tag is closed.',
  CodeInContent:
    'Content is text, not code: remove it, or write a { or < meant as text as \\{ or \\<. A note to yourself can be a comment, {/* like this */}.',
  NotUtf8: 'Save the file as UTF-8 (in most editors: Save with encoding, UTF-8), then check the characters on this line.',
  ControlCharacter: 'Delete the invisible character at this spot (it often comes from a copy and paste), or retype the line.',
  FolderNotFile: 'Put a file here, or remove the folder: this name is read as a file.',
  FileNotFolder: 'Make this a folder holding one file per record, and move the file into it (or out of the content folder).',
  SymbolicLink:
    'Links are never followed, so one cannot reach outside the content folder or loop: put the file or folder itself here, or remove the link.',
  UnreadableFile: 'Check that the file is an ordinary file you may read (its permissions, or a disk error), or remove it.',
  MissingFolder: 'Check the path given to --content: it should be a folder like content/.',
  MissingSettings: 'Create settings.yaml in the content folder; the sample content has one to copy.',
  InvalidId: 'Rename the file with lower-case letters, digits and hyphens, like ana-ruiz.yaml.',
  DuplicateId: 'Two files give the same id. Rename or remove one of them.',
  SamplePlaceholder:
    "Put your own value in its place (your membership number, the address of your page), or remove the line: until then the site and the emails show the sample's.",
  MissingPhoto:
    'Put the photo in the images/ folder beside settings.yaml, or correct the path (it is written from settings.yaml, like images/hannah.jpg).',
  // Fields
  MissingField: 'Add this field.',
  WrongType: 'Change the value to the kind the field expects. Quote values that should be text, like "07700 900123".',
  UnknownKey: 'Remove the field or correct its name: unknown fields are never ignored silently.',
  NotAllowed: 'Use one of the values listed.',
  InvalidEmail: 'Write the address in full, like name@example.com.',
  InvalidDate: 'Write the date as YYYY-MM-DD (a birthday may be MM-DD) and check that the day exists.',
  InvalidFormat: 'Change the value to the form shown.',
  OutOfRange: 'Change the value to one inside the range shown.',
  PhotoNameCharacters:
    'Rename the photo with lower-case letters, digits and hyphens only, like hannah-portrait.jpg, and write its new name here in place of the old. The editor names the photos it uploads this way.',
  MissingConsent: 'Record who consented, when, and the evidence before this is published.',
  Invalid: 'Correct the value.',
  // Across files
  UnknownContact: 'Use the file name (without .yaml) of a contact in contacts/, or add that contact.',
  UnknownTemplate: 'Use the name of a layout in emails/ (without .mjml), or add that layout.',
  DuplicateEmail: 'One address belongs to one contact. Merge the two contacts, or remove the address from one.',
  DuplicateStep: 'Give each step of a plan its own id: the id is part of every touch it plans.',
  OpenReferralDraft:
    'Add the person introduced as a contact, put their file name in referred, check the need, then remove draft: until then nothing thanks the referrer or counts the referral.',
  AuthorNotConsented: "Record the author's consent to publish (consent.publish in their contact file) or set the testimonial to draft.",
  ConsentWithdrawn: 'The contact withdrew consent to publish: set the testimonial to draft or remove it.',
  MissingTestimonialPhoto:
    'Put the photo at that path beside the testimonial (a symbolic link is not followed), or remove the line: the site shows initials until then.',
  MissingSiteImage:
    "Put the photo in the site's images, public/images/ in the repository (the editor's Global Assets), or pick it again in the editor from the folder that holds it.",
  SiteImageWithoutConsent:
    "Take the photo out of public/images/ and put it beside the testimonial (photos/), where the site shows it only while the author's consent.publish holds; or record that consent in their contact file.",
  // Imports and intake
  UnreadableImportFile:
    'Export the contacts again as CSV with a header row (Google, Outlook or your own), as vCard (.vcf) or as LDIF (.ldif).',
  UnreadableArchive: 'Zip the export again, without a password, and import that archive (or import the export itself, not zipped).',
  NoExportInArchive: 'Zip the export itself (the .csv, .vcf or .ldif file your address book saved) and import that archive.',
  ManyExportsInArchive: 'Take the exports out of the archive and import them one at a time, each as it is or zipped alone.',
  BadImportRow: 'Correct this row (card, entry) in the export and import the file again: what was imported stays as it is.',
  BadImportValue:
    'The person was imported without this value: add it to their contact file by hand, or correct the export and import it again.',
  AmbiguousImportDate:
    'Say which comes first in settings.yaml with dateOrder: DMY (day first, as in the UK) or MDY (month first, as in the US), or give site.locale (en-GB reads day first), then import again.',
  SamePhoneKeptApart:
    'Nothing was merged. If they are one person, copy what you need into one contact file and delete the other; if not, nothing needs doing.',
  SameNameKeptApart:
    'Nothing was merged. If they are one person, copy what you need into one contact file and delete the other; if not, nothing needs doing.',
  AmbiguousImportRow: 'The row matches two contacts. Merge them, or remove the shared address or number from one, then import again.',
  UnreadableMessage:
    'Save the message again with its full source (in most mail programs: "Save as" or "Show original", as .eml) and run intake on that file.',
} as const;

export type ProblemCode = keyof typeof PROBLEM_HINTS;

/** Something in the owner's content that needs fixing, with where it is. */
export type Problem = {
  code: ProblemCode;
  /** Path of the file, as the owner sees it. */
  file: string;
  /** 1-based; 0 when the problem concerns the whole folder. */
  line: number;
  column: number;
  /** Dot path of the field (`consent.date`, `steps[2].due`); empty for the whole file. */
  field: string;
  message: string;
  hint: string;
};

export type Position = { line: number; column: number };

/** Builds a problem with its catalogue hint unless a more precise hint is given. */
export function problem(
  code: ProblemCode,
  file: string,
  at: Position,
  field: string,
  message: string,
  hint: string = PROBLEM_HINTS[code],
): Problem {
  return { code, file, line: at.line, column: at.column, field, message, hint };
}

/** `['steps', 2, 'due']` becomes `steps[2].due`. */
export function formatField(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

/** Orders problems by file, then position, so reports are stable. */
export function sortProblems(problems: Problem[]): Problem[] {
  return problems.toSorted(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.field.localeCompare(b.field),
  );
}

/** `file:line:col field: message`, the hint on the next line. */
export function formatProblem(p: Omit<Problem, 'code'>): string {
  const where = p.line > 0 ? `${p.file}:${p.line}:${p.column}` : p.file;
  const field = p.field ? ` ${p.field}:` : '';
  return `${where}${field} ${p.message}\n  ${p.hint}`;
}
