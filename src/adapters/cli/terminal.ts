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

/** A GitHub Actions `::error` (or `::warning`) workflow command for one problem. */
function annotation(p: Warning, level: 'error' | 'warning' = 'error'): string {
  const props = [`file=${escapeProperty(p.file)}`];
  if (p.line > 0) props.push(`line=${p.line}`, `col=${p.column}`);
  props.push(`title=${escapeProperty(p.code)}`);
  const field = p.field ? `${p.field}: ` : '';
  return `::${level} ${props.join(',')}::${escapeData(`${field}${p.message}\n${p.hint}`)}`;
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

/**
 * Prints problems in groups, as a command's core grouped them: each group's lines, then its hint
 * once. Under GitHub Actions every problem is also an annotation.
 */
export function printProblemGroups(
  groups: readonly { lines: readonly string[]; hint: string; problems: readonly Problem[] }[],
  io: Output = processOutput,
): void {
  for (const { lines, hint } of groups) {
    io.err(
      `${lines.map((line) => styleText('red', line, { stream: process.stderr })).join('\n')}\n${styleText('dim', `  ${hint}`, { stream: process.stderr })}`,
    );
  }
  if (io.env.GITHUB_ACTIONS === 'true') for (const { problems } of groups) for (const p of problems) io.out(annotation(p));
}

/**
 * Something valid that will not go as the owner may expect (an open draft, a recap with nothing to
 * show): a problem's shape, with a code from any catalogue.
 */
export type Warning = Omit<Problem, 'code'> & { code: string };

/** Prints warnings to stdout (they leave the exit code alone); under GitHub Actions also as annotations. */
export function printWarnings(warnings: readonly Warning[], io: Output = processOutput): void {
  for (const w of warnings) {
    const [first, hint] = formatProblem(w).split('\n');
    io.out(`${styleText('yellow', `warning ${first}`, { stream: process.stdout })}\n${styleText('dim', hint, { stream: process.stdout })}`);
  }
  if (io.env.GITHUB_ACTIONS === 'true') for (const w of warnings) io.out(annotation(w, 'warning'));
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
