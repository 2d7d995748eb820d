/**
 * The local git repository: committing history back and pushing it, and branches for pull requests.
 */
export { commitAndPush, commitToNewBranch, headCommit } from './git.ts';
