/** Starts the SES v2 stand-in in another process (see ses-api-process.ts) for a benchmark. */
import { fork } from 'node:child_process';
import path from 'node:path';
import { SES_KEYS, type SesApiOptions } from '../../test/helpers/ses-api.ts';

export type SesStandIn = {
  url: string;
  /** The SDK configuration that points at the stand-in with its keys. */
  config: { region: string; endpoint: string; credentials: { accessKeyId: string; secretAccessKey: string } };
  count(): Promise<{ accepted: number; throttled: number }>;
  close(): Promise<void>;
};

export async function startSesStandIn(options: Pick<SesApiOptions, 'rate' | 'maxSendRate'>): Promise<SesStandIn> {
  const child = fork(path.join(import.meta.dirname, 'ses-api-process.ts'), [JSON.stringify(options)], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const next = <T>() => new Promise<T>((resolve) => child.once('message', (m) => resolve(m as T)));
  const { url } = await next<{ url: string }>();
  return {
    url,
    config: {
      region: 'eu-west-1',
      endpoint: url,
      credentials: { accessKeyId: SES_KEYS.AWS_ACCESS_KEY_ID, secretAccessKey: SES_KEYS.AWS_SECRET_ACCESS_KEY },
    },
    async count() {
      const reply = next<{ accepted: number; throttled: number }>();
      child.send('count');
      return reply;
    },
    async close() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send('close');
      await exited;
    },
  };
}
