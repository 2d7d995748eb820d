/** `npm run generate -- --contacts N [--seed S] --out DIR`: write synthetic content for trying things at scale. */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { UsageError, parseCommandArgs, runCommand } from '../../src/adapters/cli/index.ts';
import { generateContent } from '../../test/helpers/generate-content.ts';

runCommand(async () => {
  const { values } = parseCommandArgs(process.argv.slice(2), {
    contacts: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '1' },
    out: { type: 'string' },
  });
  const contacts = Number(values.contacts);
  if (!Number.isInteger(contacts) || contacts < 0) throw new UsageError(`--contacts should be a whole number, not "${values.contacts}"`);
  if (!values.out) throw new UsageError('--out DIR is required: the folder to write the content into');
  const files = generateContent({ contacts, seed: Number(values.seed) });
  for (const [rel, text] of Object.entries(files)) {
    const file = path.join(values.out, rel);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, text);
  }
  console.log(`Wrote ${Object.keys(files).length} files for ${contacts} contacts to ${values.out}/`);
  return 0;
});
