/**
 * Forms printed from the process (issue 12): the control slip of one dossier and the desk's register of a period.
 *
 * | method | path                                            | who                                                     | response                      |
 * |--------|-------------------------------------------------|---------------------------------------------------------|-------------------------------|
 * | GET    | /api/processing/dossiers/{id}/control-slip.pdf  | office staff of an agency the dossier passed through    | PDF (Mẫu 05 / Mẫu 06)         |
 * | GET    | /api/processing/register?from=&to=&format=&place= | reception_officer, approver, leader of the desk's agency | PDF or xlsx (Mẫu 06 / Mẫu 07) |
 *
 * `from`/`to` are days (YYYY-MM-DD, Vietnam time, both inclusive), at most one year apart; bad dates → 400
 * BAD_REQUEST in Vietnamese or English. The register lists the dossiers received in the period whose `place` is the
 * actor's agency: received at its desk (default), decided by it, or returned at its desk (issue 14).
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZDossierPlace, ZErrorResponse } from '@motcua/contracts';
import { sendStoredFile } from '../../files/serve';
import { requireActor, requireLogin, requireRole } from '../../http/auth';
import { requestNow } from '../../http/context';
import { AppError } from '../../http/errors';
import { renderForm } from '../documents';
import { controlSlipPdf } from './control-slip.service';
import { formSetFor, issuerOf } from './dossier-forms';
import { registerPeriod, registerRows } from './dossier-register';
import { registerXlsx } from './dossier-register.xlsx';

const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse };
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const processingDocumentRoutes: FastifyPluginAsync = async (root) => {
  const api = root.withTypeProvider<ZodTypeProvider>();
  const db = () => api.deps.db.kysely;

  api.get(
    '/processing/dossiers/:id/control-slip.pdf',
    {
      preValidation: requireLogin,
      preHandler: requireRole('reception_officer', 'specialist', 'approver', 'leader'),
      schema: {
        tags: ['processing'],
        summary: 'The control slip of a dossier (Phiếu kiểm soát quá trình giải quyết hồ sơ), PDF',
        params: z.object({ id: z.uuid() }),
        response: { 409: ZErrorResponse, ...errors },
      },
    },
    async (req, reply) => {
      const now = requestNow(req);
      const { pdf, code } = await db()
        .transaction()
        .execute((trx) => controlSlipPdf(trx, requireActor(req), api.deps.config, req.params.id, now));
      return sendStoredFile(reply, {
        body: pdf,
        mediaType: 'application/pdf',
        name: `phieu-kiem-soat_${code}.pdf`,
      });
    },
  );

  api.get(
    '/processing/register',
    {
      preValidation: requireLogin,
      preHandler: requireRole('reception_officer', 'approver', 'leader'),
      schema: {
        tags: ['processing'],
        summary: 'The desk’s dossier register (Sổ theo dõi hồ sơ) for a period, PDF or xlsx',
        querystring: z.object({
          from: z.string().max(20),
          to: z.string().max(20),
          format: z.enum(['pdf', 'xlsx']).default('pdf'),
          place: ZDossierPlace.default('received'),
        }),
        response: errors,
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      if (!actor.agencyId) throw new AppError('FORBIDDEN');
      const q = req.query;
      const period = registerPeriod(q.from, q.to);
      const now = requestNow(req);
      const { data, set } = await db()
        .transaction()
        .execute(async (trx) => ({
          data: {
            issuer: await issuerOf(trx, actor.agencyId!),
            from: period.start,
            to: new Date(period.end.getTime() - 1),
            rows: await registerRows(trx, actor.agencyId!, period, q.place),
            issuedAt: now,
          },
          // The form in force on the last day of the period.
          set: formSetFor(api.deps.config, new Date(period.end.getTime() - 1)),
        }));
      const name = `so-theo-doi-ho-so_${period.from}_${period.to}`;
      if (q.format === 'xlsx') {
        const body = await registerXlsx(data, set, `${period.from} – ${period.to}`);
        return sendStoredFile(reply, { body, mediaType: XLSX, name: `${name}.xlsx` });
      }
      const body = await renderForm('register', data, { set: set.id });
      return sendStoredFile(reply, { body, mediaType: 'application/pdf', name: `${name}.pdf` });
    },
  );
};
