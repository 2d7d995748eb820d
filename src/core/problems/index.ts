/**
 * The problem catalogue: what can be wrong in the owner's files, with permanent codes, hints, and
 * how a problem is written; how a count is written in messages and summaries; and how a command
 * ends (`EXIT`).
 */
export { countOf, groupThousands } from './count.ts';
export { EXIT } from './exit.ts';
export {
  formatField,
  formatProblem,
  problem,
  PROBLEM_HINTS,
  sortProblems,
  type Position,
  type Problem,
  type ProblemCode,
} from './problems.ts';
