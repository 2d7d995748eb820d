/**
 * A worker thread for large imports (see contacts-fs.ts): it reads and parses a share of the
 * contact files while the main thread reads the export, or writes new contact files while the
 * main thread turns the next ones into YAML. Started with `workerData` and given work by message,
 * so it starts at once even while the main thread is busy.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readContactFilesNow, writeTexts, type ContactsWork, type WriteBatch } from './contact-files.ts';

const work = workerData as ContactsWork;
const port = parentPort!;

if (work.kind === 'read') {
  port.postMessage(readContactFilesNow(work.dir, work.names));
} else {
  port.on('message', (batch: WriteBatch | null) => {
    if (batch === null) {
      port.postMessage({ done: true });
      port.close();
      return;
    }
    try {
      writeTexts(batch);
    } catch (error) {
      port.postMessage({ error: String((error as Error).message) });
      port.close();
    }
  });
}
