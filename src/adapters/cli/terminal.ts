import { styleText } from 'node:util';
import { formatProblem, type Problem } from '../../core/problems/index.ts';
import { UsageError } from './args.ts';

// https://docs.github.com/actions/reference/workflow-commands-for-github-actions
function escapeData(text: string): string {
  return text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}
function escapeProperty(text: string): string {
  return escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');
}

/** A GitHub Actions `::error` workflow command for one problem. */
function annotation(p: Problem): string {
  const props = [`file=${escapeProperty(p.file)}`];
  if (p.line > 0) props.push(`line=${p.line}`, `col=${p.column}`);
  props.push(`title=${escapeProperty(p.code)}`);
  const field = p.field ? `${p.field}: ` : '';
  return `::error ${props.join(',')}::${escapeData(`${field}${p.message}\n${p.hint}`)}`;
}

export type Output = { out: (line: string) => void; err: (line: string) => void; env: NodeJS.ProcessEnv };

export const processOutput: Output = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  env: process.env,
};

/** Prints every problem; under GitHub Actions also as annotations. */
export function printProblems(problems: readonly Problem[], io: Output = processOutput): void {
  for (const p of problems) {
    const [first, hint] = formatProblem(p).split('\n');
    io.err(`${styleText('red', first, { stream: process.stderr })}\n${styleText('dim', hint, { stream: process.stderr })}`);
  }
  if (io.env.GITHUB_ACTIONS === 'true') for (const p of problems) io.out(annotation(p));
}

/** Something in the content that is not wrong, but will not go as the owner may expect. */
type Warning = { file: string; code: string; message: string; hint: string };

/** Prints every warning; under GitHub Actions also as `::warning` annotations. */
export function printWarnings(warnings: readonly Warning[], io: Output = processOutput): void {
  for (const w of warnings) {
    const first = `${w.file}: warning: ${w.message}`;
    io.err(`${styleText('yellow', first, { stream: process.stderr })}\n${styleText('dim', `  ${w.hint}`, { stream: process.stderr })}`);
  }
  if (io.env.GITHUB_ACTIONS !== 'true') return;
  for (const w of warnings)
    io.out(`::warning file=${escapeProperty(w.file)},title=${escapeProperty(w.code)}::${escapeData(`${w.message}\n${w.hint}`)}`);
}

/**
 * Runs a command's main function: bad input has been printed as problems and sets the exit code;
 * anything thrown is a bug, shown with its stack.
 */
export function runCommand(main: () => Promise<number>): void {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      if (error instanceof UsageError) {
        console.error(error.message);
        process.exitCode = 2;
        return;
      }
      console.error(error);
      console.error('\nThis is a bug in Referable, not in your content. Please report it with the lines above.');
      process.exitCode = 70;
    },
  );
}
