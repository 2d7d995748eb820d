/**
 * A loopback SMTP server in its own process, so a benchmark's sender does not share its event
 * loop: started with `fork`, it sends `{port}` once listening, answers `'count'` with
 * `{accepted}` and `'cpu'` with `{cpuMs}` (its CPU time so far), and exits on `'close'`.
 * Messages are counted, not kept.
 */
import { startSmtpSink } from '../../test/helpers/smtp-sink.ts';

const sink = await startSmtpSink({ store: false });
process.send?.({ port: sink.port });
process.on('message', async (message) => {
  if (message === 'count') process.send?.({ accepted: sink.accepted });
  if (message === 'cpu') {
    const used = process.cpuUsage();
    process.send?.({ cpuMs: (used.user + used.system) / 1000 });
  }
  if (message === 'close') {
    await sink.close();
    process.exit(0);
  }
});
