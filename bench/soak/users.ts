import type { TDossierDetail, TDossierEventType, TInboxItem } from '@motcua/contracts';
import { pdfBytes } from '../../server/src/files/files.fixtures';
import { Client, GaveUp, type Answer, type Metrics } from './http';

/**
 * The soak's virtual users: citizens submitting online with Idempotency-Keys (a request cut off by a kill is sent
 * again with the same key), each agency's desk receiving, its head, specialist and leader acting along the workflow,
 * the desk returning the result, and anonymous lookups. Every acknowledged (2xx) submission and action goes into the
 * ledger the checks compare with the database.
 */

export type AckedSubmission = { key: string; userId: string; dossierId: string };
/** An action answered 2xx: its event (by its sequence number in the dossier) must be there exactly once. */
export type AckedAction = { dossierId: string; type: TDossierEventType; seq: number };
/** An action whose outcome is unknown (cut off, then 409 on the retry, or given up): it may or may not be there. */
export type UnsureAction = { dossierId: string; type: TDossierEventType };
export type PendingSubmission = { key: string; client: Client; body: unknown; userId: string };

export class Ledger {
  readonly submissions: AckedSubmission[] = [];
  readonly actions: AckedAction[] = [];
  readonly unsure: UnsureAction[] = [];
  /** Submissions never acknowledged during the load (gave up): sent again with their key at the end. */
  readonly pending: PendingSubmission[] = [];
  readonly codes: string[] = [];
}

export type Office = {
  agency: string;
  procedure: string;
  formData: Record<string, unknown>;
  desk: string;
  head: string;
  specialist: string;
  leader: string;
};

/** Two agencies of the demo data with their four people (README "Demo offices") and a procedure each. */
export const OFFICES: Office[] = [
  {
    agency: 'STTTT',
    procedure: '1.003820',
    formData: {},
    desk: 'nguyenthutrang.stttt',
    head: 'phamthidung.stttt',
    specialist: 'levancuong.stttt',
    leader: 'truongcongdinh.stttt',
  },
  {
    agency: 'SXD',
    procedure: '1.009994',
    formData: {
      hoTenNguoiYeuCau: 'Nguyễn Văn An',
      soDinhDanh: '099088000123',
      noiCuTru: 'Số 5 đường Lê Lợi, phường An Hòa',
      soDienThoai: '0912345678',
      diaDiem: 'Thửa đất số 15, tờ bản đồ số 3',
      dienTichXayDung: 80,
      tongDienTichSan: 240,
      soTang: 3,
      chieuCao: 12,
    },
    desk: 'dothihoa.sxd',
    head: 'lyvanthang.sxd',
    specialist: 'maithihuong.sxd',
    leader: 'hoducthanh.sxd',
  },
];

export const CITIZENS = [
  { login: 'an.nguyen@example.vn', name: 'Nguyễn Văn An', idNumber: '099088000123' },
  { login: 'mai.tran@example.vn', name: 'Trần Thị Mai', idNumber: '099190000456' },
  { login: 'phong.le@example.vn', name: 'Lê Quốc Phong', idNumber: '099085000789' },
];

export const PASSWORD = 'MotCua@2026';

export type Load = {
  bases: string[];
  metrics: Metrics;
  ledger: Ledger;
  running: () => boolean;
  random: () => number;
  /** Required component codes of each procedure. */
  components: Map<string, string[]>;
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const think = (load: Load) => sleep(150 + Math.floor(load.random() * 450));

/** Runs one user's step until the load stops; a step that fails unexpectedly is counted and the loop goes on. */
async function loop(load: Load, kind: string, step: () => Promise<void>): Promise<void> {
  while (load.running()) {
    try {
      await step();
    } catch (err) {
      load.metrics.record(`${kind}-loop`, err instanceof GaveUp ? 'gave up' : `threw ${String(err)}`, null);
      if (!(err instanceof GaveUp)) await sleep(1_000);
    }
    await think(load);
  }
}

let pdf: Uint8Array | undefined;
async function upload(client: Client, name: string): Promise<string> {
  pdf ??= await pdfBytes(1);
  const r = await client.request<{ id: string }>('upload', 'POST', '/api/dossier-files', {
    raw: { bytes: pdf, fileName: name },
  });
  if (r.status !== 201) throw new Error(`upload: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.id;
}

export async function citizen(load: Load, vu: number): Promise<void> {
  const person = CITIZENS[vu % CITIZENS.length]!;
  const client = new Client(load.bases, load.metrics, vu);
  const userId = await client.login(person.login, PASSWORD);
  let n = 0;
  await loop(load, 'citizen', async () => {
    const office = OFFICES[(vu + n) % OFFICES.length]!;
    const key = `soak-${vu}-${String(n++).padStart(6, '0')}`;
    const file = await upload(client, 'don-de-nghi.pdf');
    const body = {
      procedureCode: office.procedure,
      applicant: {
        kind: 'citizen',
        name: person.name,
        idNumber: person.idNumber,
        address: null,
        phone: null,
        email: person.login,
      },
      formData: office.formData,
      attachments: load.components
        .get(office.procedure)!
        .map((componentCode) => ({ componentCode, fileIds: [file] })),
    };
    try {
      const r = await submit(client, key, body, 90_000);
      if (r.status === 201) load.ledger.submissions.push({ key, userId, dossierId: r.body.id });
    } catch (err) {
      if (!(err instanceof GaveUp)) throw err;
      load.ledger.pending.push({ key, client, body, userId });
    }
    if (n % 5 === 0) await client.request('my-dossiers', 'GET', '/api/dossiers?pageSize=20');
  });
}

export function submit(
  client: Client,
  key: string,
  body: unknown,
  retryForMs: number,
): Promise<Answer<TDossierDetail>> {
  return client.request<TDossierDetail>('submit', 'POST', '/api/dossiers', {
    body,
    headers: { 'idempotency-key': key },
    retryForMs,
  });
}

/**
 * An office action: acknowledged, refused (a lost race or a rule: nothing happened; its status goes to `refused`), or
 * unsure (cut off, then refused).
 */
async function act(
  load: Load,
  client: Client,
  kind: string,
  type: TDossierEventType,
  path: string,
  body: Record<string, unknown>,
  refused?: (status: number) => void,
): Promise<TDossierDetail | undefined> {
  let r: Answer<TDossierDetail>;
  try {
    r = await client.request<TDossierDetail>(kind, 'POST', path, { body, retryForMs: 60_000 });
  } catch (err) {
    if (err instanceof GaveUp) load.ledger.unsure.push({ dossierId: dossierIdOf(path), type });
    throw err;
  }
  if (r.status >= 300) {
    if (r.attempts > 1) load.ledger.unsure.push({ dossierId: dossierIdOf(path), type });
    refused?.(r.status);
    return undefined;
  }
  const event = r.body.events.findLast((e) => e.type === type);
  if (!event) throw new Error(`${kind} answered 2xx without a ${type} event`);
  load.ledger.actions.push({ dossierId: r.body.id, type, seq: event.seq });
  if (type === 'received' && r.body.code) load.ledger.codes.push(r.body.code);
  return r.body;
}

const dossierIdOf = (path: string) => /\/dossiers\/([0-9a-f-]{36})\//.exec(path)?.[1] ?? 'unknown';

type Person = 'desk' | 'head' | 'specialist' | 'leader';

export async function officer(load: Load, office: Office, person: Person, vu: number): Promise<void> {
  const client = new Client(load.bases, load.metrics, vu);
  await client.login(office[person], PASSWORD);
  const specialistId =
    person === 'head' ? await new Client(load.bases, load.metrics).login(office.specialist, PASSWORD) : '';
  const appraised = new Set<string>();
  // Dossiers whose forward a rule refused after our own appraisal: they wait on something else (the demo data's
  // consultation still open), so this person leaves them, as a person would, instead of appraising them again.
  const waiting = new Set<string>();
  await loop(load, person, async () => {
    if (person === 'desk') {
      const q = await client.request<{ items: { id: string; version: number }[] }>(
        'reception-queue',
        'GET',
        '/api/reception/queue?status=submitted&pageSize=20',
      );
      const item = q.body.items?.[Math.floor(load.random() * q.body.items.length)];
      if (item)
        await act(load, client, 'accept', 'received', `/api/reception/dossiers/${item.id}/accept`, {
          expectedVersion: item.version,
        });
    }
    const inbox = await client.request<{ items: TInboxItem[] }>(
      'inbox',
      'GET',
      '/api/processing/inbox?scope=me&limit=25',
    );
    const items = (inbox.body.items ?? []).filter((i) => i.status === 'in_processing' && !waiting.has(i.id));
    const item = items[Math.floor(load.random() * items.length)];
    if (!item) return;
    const path = (a: string) => `/api/processing/dossiers/${item.id}/${a}`;
    const v = { expectedVersion: item.version };
    const step = item.step.key;
    if (person === 'head' && step === 'assignment' && !item.handler) {
      await act(load, client, 'assign', 'assigned', path('assign'), { ...v, handlerId: specialistId });
    } else if (person === 'specialist' && step === 'appraisal') {
      if (!appraised.has(item.id)) {
        const d = await act(load, client, 'appraise', 'appraised', path('appraise'), {
          ...v,
          opinion: 'Hồ sơ đầy đủ, đúng quy định; đề nghị giải quyết.',
          proposal: 'approve',
        });
        if (d) appraised.add(item.id);
      } else {
        await act(load, client, 'forward', 'forwarded', path('forward'), v, (status) => {
          if (status === 400) waiting.add(item.id);
          else appraised.delete(item.id); // a lost race (409): look at it afresh next time
        });
      }
    } else if (person === 'leader' && step === 'approval') {
      await act(load, client, 'forward', 'forwarded', path('forward'), v);
    } else if (person === 'desk' && step === 'result') {
      const file = await upload(client, 'ket-qua.pdf');
      await act(load, client, 'result', 'result_issued', path('result'), {
        ...v,
        kind: 'granted',
        summary: 'Giấy phép cấp cho người nộp hồ sơ',
        fileIds: [file],
      });
    } else if (person === 'desk' && step === 'return') {
      await act(load, client, 'return', 'result_returned', path('return'), {
        ...v,
        collectedBy: 'Người nộp hồ sơ',
        originalsReturned: true,
      });
    }
  });
}

/** Anonymous public lookups of codes handed out so far. */
export async function lookups(load: Load, vu: number): Promise<void> {
  const client = new Client(load.bases, load.metrics, vu);
  await loop(load, 'lookup', async () => {
    const codes = load.ledger.codes;
    if (codes.length === 0) {
      await sleep(1_000);
      return;
    }
    const code = codes[Math.floor(load.random() * codes.length)]!;
    await client.request('lookup', 'GET', `/api/lookup/${encodeURIComponent(code)}`);
  });
}
