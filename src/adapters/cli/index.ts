/**
 * The command line: arguments, the clock, the terminal, progress, the Actions job summary.
 */
export { UsageError, parseCommandArgs } from './args.ts';
export { clockOn, todayIn } from './clock.ts';
export { createProgress } from './progress.ts';
export { parseRangeArgs } from './range-args.ts';
export { stopCleanlyOnSignals, type StopSignals } from './signals.ts';
export { appendStepSummary } from './step-summary.ts';
export { printProblemGroups, printProblems, printWarnings, processOutput, runCommand, type Output } from './terminal.ts';
