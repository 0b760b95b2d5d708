import type autocannon from 'autocannon';
import { pngBytes } from '../server/src/files/files.fixtures';

/** The bench citizen (trusted through the test actor header, as tests do) and the two requests of one submission. */
export const actor = JSON.stringify({
  userId: '00000000-0000-4000-8000-0000000000be',
  kind: 'citizen',
  name: 'Nguoi Nop Ho So',
  roles: [],
  agencyId: null,
  organisationIds: [],
  mustChangePassword: false,
  sessionId: null,
});

export const submission = (fileId: string) =>
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

/** One submission as autocannon requests: upload a small PNG, then submit the dossier naming it. */
export const submissionRequests = (): autocannon.Request[] =>
  [
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
  ] as autocannon.Request[];
