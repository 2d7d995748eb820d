import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export type ScriptRun = { code: number | null; stdout: string; stderr: string };

/** Runs `node …args` from the project root with exactly `env`, and collects its output. */
export function runNode(args: string[], env: NodeJS.ProcessEnv): Promise<ScriptRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Runs `node scripts/<name>.ts …args` from the project root, as npm would, and collects its output. */
export function runScript(name: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<ScriptRun> {
  // The machine's own secrets must never reach a test run: a test sets the ones it serves.
  const safe = {
    NO_COLOR: '1',
    GITHUB_ACTIONS: '',
    GITHUB_TOKEN: '',
    GITHUB_STEP_SUMMARY: '',
    SMTP_URL: '',
    IMAP_URL: '',
    EMAIL_TRANSPORT: '',
    AWS_ACCESS_KEY_ID: '',
    AWS_SECRET_ACCESS_KEY: '',
  };
  return runNode([`scripts/${name}.js`, ...args], { ...process.env, ...safe, ...env });
}
