/**
 * A loopback SMTP server in a child process (`smtp-sink-process.ts`), so a benchmark's sender
 * does not share its event loop or its core: messages are counted, not kept.
 */
import { fork } from 'node:child_process';
import path from 'node:path';

export type Sink = {
  port: number;
  url: string;
  count(): Promise<number>;
  /** The server process's CPU time so far, in milliseconds. */
  cpuMs(): Promise<number>;
  close(): Promise<void>;
};

export async function startSink(): Promise<Sink> {
  const child = fork(path.join(import.meta.dirname, 'smtp-sink-process.ts'), { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const next = <T>() => new Promise<T>((resolve) => child.once('message', (m) => resolve(m as T)));
  const { port } = await next<{ port: number }>();
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    async count() {
      const reply = next<{ accepted: number }>();
      child.send('count');
      return (await reply).accepted;
    },
    async cpuMs() {
      const reply = next<{ cpuMs: number }>();
      child.send('cpu');
      return (await reply).cpuMs;
    },
    async close() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send('close');
      await exited;
    },
  };
}
