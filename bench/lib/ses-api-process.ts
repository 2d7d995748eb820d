/**
 * The SES v2 stand-in in its own process, so a benchmark's sender does not share its event loop:
 * started with `fork` and its options as JSON in argv[2] (`rate`, `maxSendRate`), it sends `{url}`
 * once listening, answers `'count'` with `{accepted, throttled}`, and exits on `'close'`. Messages
 * are counted, not kept.
 */
import { startSesApi } from '../../test/helpers/ses-api.ts';

const api = await startSesApi({ ...JSON.parse(process.argv[2] ?? '{}'), store: false });
process.send?.({ url: api.url });
process.on('message', async (message) => {
  if (message === 'count') process.send?.({ accepted: api.accepted, throttled: api.throttled });
  if (message === 'close') {
    await api.close();
    process.exit(0);
  }
});
