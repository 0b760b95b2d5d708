import autocannon from 'autocannon';
import { pngBytes } from '../server/src/files/files.fixtures';
import { report, startTarget, stopTarget } from './lib';

// Online submissions/s on PostgreSQL, each one an upload of a small PNG (type checked by content, stored
// content-addressed) followed by POST /api/dossiers with it — against a bare Fastify + pg route storing the same JSON
// body in one transaction. The ratio shows what the rules cost: validation, audit chain, events, outbox.
const target = await startTarget('submit.ts');
const actor = JSON.stringify({
  userId: '00000000-0000-4000-8000-0000000000be',
  kind: 'citizen',
  name: 'Nguoi Nop Ho So',
  roles: [],
  agencyId: null,
  organisationIds: [],
  mustChangePassword: false,
  sessionId: null,
});
const submission = (fileId: string) =>
  JSON.stringify({
    // A demo catalogue procedure (Cấp giấy phép xây dựng nhà ở riêng lẻ): its e-form filled, its required components.
    procedureCode: '1.009994',
    applicant: {
      kind: 'citizen',
      name: 'Nguyễn Văn An',
      idNumber: '099201001234',
      address: null,
      phone: null,
      email: null,
    },
    formData: {
      hoTenNguoiYeuCau: 'Nguyễn Văn An',
      soDinhDanh: '099201001234',
      noiCuTru: 'Số 12 đường Lê Lợi, phường Hòa Bình',
      soDienThoai: '0912345678',
      diaDiem: 'Thửa đất số 15, tờ bản đồ số 3',
      dienTichXayDung: 80,
      tongDienTichSan: 240,
      soTang: 3,
      chieuCao: 12,
    },
    attachments: [
      { componentCode: '1', fileIds: [fileId] },
      { componentCode: '2', fileIds: [fileId] },
      { componentCode: '3', fileIds: [fileId] },
    ],
  });

type Ctx = { fileId?: string };
async function app(seconds: number): Promise<number> {
  const r = await autocannon({
    url: `http://127.0.0.1:${target.ports.app}`,
    duration: seconds,
    connections: 8,
    requests: [
      {
        method: 'POST',
        path: '/api/dossier-files',
        headers: {
          'x-test-actor': actor,
          'content-type': 'application/octet-stream',
          'x-file-name': 'don.png',
        },
        body: pngBytes(),
        onResponse: (_status: number, body: string, context: Ctx) => {
          context.fileId = (JSON.parse(body) as { id: string }).id;
        },
      },
      {
        method: 'POST',
        path: '/api/dossiers',
        headers: { 'x-test-actor': actor, 'content-type': 'application/json' },
        setupRequest: (req: Record<string, unknown>, context: Ctx) => ({
          ...req,
          body: submission(context.fileId!),
        }),
      },
    ] as autocannon.Request[],
  });
  if (r.non2xx > 0 || r.errors > 0) throw new Error(`submit: ${r.non2xx} non-2xx, ${r.errors} errors`);
  return r.requests.average / 2;
}
async function bare(seconds: number): Promise<number> {
  const r = await autocannon({
    url: `http://127.0.0.1:${target.ports.bare}/submit`,
    method: 'POST',
    duration: seconds,
    connections: 8,
    headers: { 'content-type': 'application/json' },
    body: submission('00000000-0000-4000-8000-000000000000'),
  });
  if (r.non2xx > 0 || r.errors > 0) throw new Error(`bare: ${r.non2xx} non-2xx, ${r.errors} errors`);
  return r.requests.average;
}

try {
  await bare(2);
  await app(2);
  let c = 0;
  let b = 0;
  for (let i = 0; i < 3; i++) {
    b += await bare(4);
    c += await app(4);
  }
  report('submit (online, small attachment)', c / 3, 'submissions/s', c / b);
} finally {
  await stopTarget(target);
}
