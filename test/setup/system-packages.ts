/**
 * Runs first in `npm test`: the browser and IMAP suites need Debian's Chromium and dovecot. When
 * either is missing, install them if this machine allows it (root with apt-get); otherwise stop
 * before any test runs, naming the command to run. No suite skips itself because a tool is missing.
 */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { existsSync } from 'node:fs';
import { CHROMIUM } from '../helpers/browser.ts';
import { DOVECOT } from '../helpers/dovecot.ts';

const needed = [
  { binary: CHROMIUM, pkg: 'chromium' },
  { binary: DOVECOT, pkg: 'dovecot-imapd' },
].filter(({ binary }) => !existsSync(binary));

if (needed.length > 0) {
  const packages = needed.map((n) => n.pkg);
  const command = `apt-get install -y ${packages.join(' ')}`;
  const canInstall = process.getuid?.() === 0 && spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;
  if (!canInstall) {
    console.error(`The browser and IMAP tests need Debian's ${packages.join(' and ')}: run \`sudo ${command}\`, then npm test again.`);
    process.exit(1);
  }
  console.log(`Installing Debian's ${packages.join(' and ')} for the browser and IMAP tests (once per machine)`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const quiet: SpawnSyncOptions = { env, stdio: ['ignore', 'ignore', 'pipe'] };
  const steps = [
    ['update', '-qq'],
    ['install', '-y', '-qq', ...packages],
  ].map((args) => spawnSync('apt-get', args, quiet));
  const ok = steps.every((step) => step.status === 0);
  if (!ok) for (const step of steps) process.stderr.write(step.stderr ?? '');
  if (!ok || needed.some(({ binary }) => !existsSync(binary))) {
    console.error(`Installing ${packages.join(' and ')} failed (see above): run \`${command}\` by hand, then npm test again.`);
    process.exit(1);
  }
}
