// Counts a PDF's pages with pdf.js, in a worker thread of its own. pdf.js's Node build installs core-js polyfills over
// the process's built-ins (JSON.stringify, JSON.parse, Array.prototype.push, Function.prototype.toString, …), which
// made every request of the server several times slower at JSON and array work; here they touch only this thread.
// A hostile file that makes pdf.js spin stalls this thread, not the server's (pages.ts times it out).
import { parentPort } from 'node:worker_threads';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

parentPort.on('message', async ({ id, bytes }) => {
  const task = getDocument({ data: bytes, isEvalSupported: false, stopAtErrors: true, verbosity: 0 });
  try {
    const doc = await task.promise;
    parentPort.postMessage({ id, pages: doc.numPages });
  } catch (err) {
    parentPort.postMessage({
      id,
      error: err instanceof Error && err.name === 'PasswordException' ? 'password' : 'damaged',
    });
  } finally {
    await task.destroy();
  }
});
