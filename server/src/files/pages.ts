import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import { AppError } from '../http/errors';
import type { MediaType } from './media-type';

/**
 * Pages of a digitised paper document. TT 01/2023/TT-VPCP Đ8 requires the page count recorded at reception to equal
 * the images stored, so the intake module records this number for every scan: a PDF's page count, 1 for an image.
 * DOCX and XLSX have no fixed pages (they are born digital, not scans) and count as 0.
 */
export async function countPages(bytes: Uint8Array, mediaType: MediaType): Promise<number> {
  switch (mediaType) {
    case 'image/jpeg':
    case 'image/png':
      return 1;
    case 'application/pdf':
      return countPdfPages(bytes);
    default:
      return 0;
  }
}

/** Longer than any honest PDF takes to open; a file that keeps pdf.js busy past it is refused as damaged. */
export const PDF_OPEN_TIMEOUT_MS = 20_000;

type Answer = { id: number; pages?: number; error?: 'password' | 'damaged' };
type Pending = {
  /** Kept until answered: a PDF that was waiting when another one cost the worker its life is sent again. */
  bytes: Uint8Array;
  timeoutMs: number;
  /** Whether this PDF was already held by a worker that crashed: a second crash refuses it. */
  crashed: boolean;
  timer?: NodeJS.Timeout;
  resolve: (a: Answer) => void;
};

/**
 * pdf.js runs in one worker thread, started on the first PDF and kept (unreferenced while idle, so it never holds the
 * process open); see pdf-pages.worker.mjs for why it may not run in the server's own thread. A PDF past its time
 * limit ends the worker and is refused; the other PDFs the worker held go to the next one, so a citizen's valid file
 * is never refused for someone else's. A crash cannot name its cause: each PDF held is tried once more.
 */
let worker: Worker | null = null;
const pending = new Map<number, Pending>();
let nextId = 0;
/** The PDF whose time limit ended the current worker, if that is why it is ending. */
let timedOut: number | null = null;

function pdfWorker(): Worker {
  if (worker) return worker;
  const w = new Worker(new URL('./pdf-pages.worker.mjs', import.meta.url));
  w.unref();
  w.on('message', (a: Answer) => {
    const p = pending.get(a.id);
    if (!p) return;
    pending.delete(a.id);
    clearTimeout(p.timer);
    if (pending.size === 0) w.unref();
    p.resolve(a);
  });
  const gone = () => {
    if (worker !== w) return;
    worker = null;
    const culprit = timedOut;
    timedOut = null;
    for (const [id, p] of pending) {
      clearTimeout(p.timer);
      if (id === culprit || (culprit === null && p.crashed)) {
        pending.delete(id);
        p.resolve({ id, error: 'damaged' });
      } else {
        p.crashed ||= culprit === null;
        send(id, p);
      }
    }
  };
  w.on('error', gone);
  w.on('exit', gone);
  worker = w;
  return w;
}

function send(id: number, p: Pending) {
  const w = pdfWorker();
  p.timer = setTimeout(() => {
    // The first PDF to run out of time is the one that ends this worker; the others go on to the next.
    timedOut ??= id;
    void w.terminate();
  }, p.timeoutMs);
  w.ref();
  // A copy goes to the worker (transferred, not cloned again): the kept bytes stay usable.
  const copy = new Uint8Array(p.bytes);
  w.postMessage({ id, bytes: copy }, [copy.buffer]);
}

async function countPdfPages(bytes: Uint8Array, timeoutMs = PDF_OPEN_TIMEOUT_MS): Promise<number> {
  const id = nextId++;
  const answer = await new Promise<Answer>((resolve) => {
    const p: Pending = { bytes, timeoutMs, crashed: false, resolve };
    pending.set(id, p);
    send(id, p);
  });
  if (answer.pages !== undefined) return answer.pages;
  const details =
    answer.error === 'password'
      ? {
          vi: 'tệp PDF có mật khẩu, không đếm được số trang',
          en: 'the PDF is password-protected; its pages cannot be counted',
        }
      : { vi: 'tệp PDF bị hỏng, không đọc được', en: 'the PDF is damaged and cannot be read' };
  throw new AppError('BAD_REQUEST', { details });
}

/** For tests: the same count with another time limit, from a worker that starts afresh. */
export async function countPdfPagesFromColdWithin(bytes: Uint8Array, timeoutMs: number): Promise<number> {
  if (worker) {
    const exited = once(worker, 'exit');
    void worker.terminate();
    await exited;
  }
  return countPdfPages(bytes, timeoutMs);
}
