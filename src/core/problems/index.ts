/**
 * The problem catalogue: what can be wrong in the owner's files, with permanent codes, hints, and
 * how a problem is written; and how a command ends (`EXIT`).
 */
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
