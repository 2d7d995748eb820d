import { describe, expect, it } from 'vitest';
import { judgeLock, parseLockHolder, type LockHolder } from './run-lock.ts';

const holder: LockHolder = { pid: 4242, host: 'ci-1', since: '2026-11-03T09:00:00.000Z', command: 'npm run daily' };
const where = 'content/history/.lock';
const alive = (pid: number) => pid === 4242;
const dead = () => false;

describe('the run lock', () => {
  it('refuses while the holder runs on this machine, saying who and since when', () => {
    expect(judgeLock(holder, { host: 'ci-1', where, isRunning: alive })).toEqual({
      take: false,
      message:
        'Another run holds content/history/.lock: npm run daily (pid 4242 on ci-1) since 2026-11-03T09:00:00.000Z. This run did nothing: run it again once that one has finished.',
    });
  });

  it('takes over a lock whose run died on this machine', () => {
    expect(judgeLock(holder, { host: 'ci-1', where, isRunning: dead })).toEqual({
      take: true,
      message:
        'Took over content/history/.lock from npm run daily (pid 4242 on ci-1) since 2026-11-03T09:00:00.000Z, which is no longer running.',
    });
  });

  it('never breaks a lock from another machine, even when that pid is not running here', () => {
    expect(judgeLock(holder, { host: 'laptop', where, isRunning: dead })).toEqual({
      take: false,
      message:
        'Another run holds content/history/.lock: npm run daily (pid 4242 on ci-1) since 2026-11-03T09:00:00.000Z, on another machine, so it is not broken from here: this run did nothing. If no run is going there, delete content/history/.lock and run again.',
    });
  });

  it('does not take a lock it cannot read', () => {
    expect(judgeLock(parseLockHolder('{"pid":'), { host: 'ci-1', where, isRunning: dead })).toEqual({
      take: false,
      message:
        'Another run may hold content/history/.lock, which cannot be read: this run did nothing. If no run is going, delete content/history/.lock and run again.',
    });
    expect(parseLockHolder(JSON.stringify(holder))).toEqual(holder);
    expect(parseLockHolder('{"pid":"1","host":"x","since":"y","command":"z"}')).toBeUndefined();
  });
});
