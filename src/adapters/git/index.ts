/**
 * The local git repository: committing history back and pushing it.
 */
export { commitAndPush } from './git.ts';
