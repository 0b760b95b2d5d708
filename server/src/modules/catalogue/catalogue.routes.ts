import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  ZAdminProcedureRow,
  ZErrorResponse,
  ZFacetsResponse,
  ZImportResult,
  ZLatePublication,
  ZNationalCatalogueExport,
  ZNationalExportQuery,
  ZProcedure,
  ZProcedureInput,
  ZProcedureSearchQuery,
  ZProcedureSearchResponse,
  ZPublishRequest,
  ZVersionDiff,
  ZVersionSummary,
  ZWorkflow,
  ZWorkflowResponse,
} from '@motcua/contracts';
import { requireRole } from '../../http/auth';
import { actorContext, requestNow } from '../../http/context';
import { readDb } from '../../http/read-replica';
import { safeFileName } from '../../files/file-name';
import { sendStoredFile } from '../../files/serve';
import { AppError } from '../../http/errors';
import { localDateOf } from '../calendar';
import { publishDraft, retireProcedure, saveDraft } from './catalogue.editor';
import { diffVersions, latePublications, listVersions } from './catalogue.history';
import { catalogueFacets, searchProcedures } from './catalogue.search';
import {
  getProcedure,
  getProcedureForEditor,
  getProcedureForm,
  getProcedureVersion,
  getPublishedVersion,
  listForEditors,
} from './catalogue.service';
import { getEditorWorkflow, replaceDraftWorkflow } from './catalogue.workflow';
import { exportCatalogue, fromXlsx, importCatalogue, toXlsx } from './catalogue.transfer';
import { exportNationalCatalogue } from './national-catalogue';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const err = {
  400: ZErrorResponse,
  401: ZErrorResponse,
  403: ZErrorResponse,
  404: ZErrorResponse,
  409: ZErrorResponse,
};
const ZCode = z.object({ code: z.string().min(1).max(40) });
const editor = requireRole('catalogue_editor', 'system_admin');
const EDITOR_BODY_LIMIT = 2 * 1024 * 1024;

export const catalogueRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.deps.db;
  const audit = (req: FastifyRequest) => actorContext(req).audit;

  app.addContentTypeParser(XLSX, { parseAs: 'buffer', bodyLimit: 20 * 1024 * 1024 }, (_req, body, done) =>
    done(null, body),
  );

  // The published catalogue may be read from the replica (ADR 0030).
  app.get(
    '/procedures',
    {
      config: { replica: true },
      schema: {
        tags: ['catalogue'],
        summary: 'Search the published catalogue',
        querystring: ZProcedureSearchQuery,
        response: { 200: ZProcedureSearchResponse, 400: ZErrorResponse },
      },
    },
    async (req) => searchProcedures(readDb(req), req.query),
  );

  app.get(
    '/procedures/facets',
    {
      config: { replica: true },
      schema: {
        tags: ['catalogue'],
        summary: 'Counts per field and agency',
        response: { 200: ZFacetsResponse },
      },
    },
    async (req) => catalogueFacets(readDb(req)),
  );

  app.get(
    '/procedures/:code',
    {
      config: { replica: true },
      schema: {
        tags: ['catalogue'],
        summary:
          'A published procedure: the version in force, or a given published version (a dossier keeps its own)',
        params: ZCode,
        querystring: z.object({ version: z.uuid().optional() }),
        response: { 200: ZProcedure, ...err },
      },
    },
    async (req) =>
      req.query.version
        ? getPublishedVersion(readDb(req), req.params.code, req.query.version)
        : getProcedure(readDb(req), req.params.code, requestNow(req)),
  );

  app.get(
    '/procedures/:code/forms/:formId',
    {
      schema: {
        tags: ['catalogue'],
        summary: 'Download a form template',
        params: ZCode.extend({ formId: z.string() }),
      },
    },
    async (req, reply) => {
      const f = await getProcedureForm(db().kysely, req.params.code, req.params.formId);
      reply.header('etag', `"${f.sha256}"`);
      return sendStoredFile(reply, {
        body: Buffer.from(f.content),
        mediaType: f.mediaType,
        name: safeFileName(f.fileName, f.mediaType),
        cacheControl: 'public, max-age=86400',
      });
    },
  );

  // Catalogue editors (role-guarded).
  app.get(
    '/admin/procedures',
    {
      preHandler: editor,
      schema: {
        tags: ['catalogue'],
        querystring: z.object({ status: z.enum(['draft', 'published', 'retired']).optional() }),
        response: { 200: z.array(ZAdminProcedureRow), ...err },
      },
    },
    async (req) => listForEditors(db().kysely, req.query.status),
  );

  app.post(
    '/admin/procedures',
    {
      preHandler: editor,
      // Form templates travel inside the JSON as base64: more than the default JSON limit.
      bodyLimit: EDITOR_BODY_LIMIT,
      schema: { tags: ['catalogue'], body: ZProcedureInput, response: { 201: ZProcedure, ...err } },
    },
    async (req, reply) => {
      await db()
        .kysely.transaction()
        .execute((trx) => saveDraft(trx, audit(req), req.body, { mustBeNew: true }));
      return reply.status(201).send(await getProcedureForEditor(db().kysely, req.body.code));
    },
  );

  // The processing workflow of the open draft (issue 12): read it, or replace it (checked against the draft's time).
  app.get(
    '/admin/procedures/:code/workflow',
    {
      preHandler: editor,
      schema: {
        tags: ['catalogue'],
        summary:
          "The workflow of the procedure's draft (else of its latest version); isDefault when none is stored",
        params: ZCode,
        response: { 200: ZWorkflowResponse, ...err },
      },
    },
    async (req) => getEditorWorkflow(db().kysely, req.params.code),
  );

  app.put(
    '/admin/procedures/:code/workflow',
    {
      preHandler: editor,
      schema: {
        tags: ['catalogue'],
        summary:
          "Replace the draft's workflow; 422 WORKFLOW_INVALID when the budgets do not add up or steps are wrong",
        params: ZCode,
        body: ZWorkflow,
        response: { 200: ZWorkflowResponse, ...err, 422: ZErrorResponse },
      },
    },
    async (req) =>
      db()
        .kysely.transaction()
        .execute((trx) => replaceDraftWorkflow(trx, audit(req), req.params.code, req.body)),
  );

  app.get(
    '/admin/procedures/late',
    {
      preHandler: editor,
      schema: {
        tags: ['catalogue'],
        summary: 'Versions whose publication deadline was missed',
        querystring: z.object({ today: z.iso.date().optional() }),
        response: { 200: z.array(ZLatePublication), ...err },
      },
    },
    async (req) => latePublications(db().kysely, req.query.today ?? localDateOf(requestNow(req))),
  );

  app.get(
    '/admin/procedures/export',
    {
      preHandler: editor,
      schema: {
        tags: ['catalogue'],
        querystring: z.object({ format: z.enum(['json', 'xlsx']).default('json') }),
      },
    },
    async (req, reply) => {
      const list = await exportCatalogue(db().kysely);
      if (req.query.format === 'json') return reply.header('content-type', 'application/json').send(list);
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', 'attachment; filename="danh-muc-thu-tuc.xlsx"')
        .send(await toXlsx(list));
    },
  );

  app.get(
    '/admin/procedures/national-export',
    {
      preHandler: editor,
      schema: {
        tags: ['catalogue'],
        summary:
          'Procedures in the national database shape: all in force, or the changes announced since a day (new, amended, abolished)',
        querystring: ZNationalExportQuery,
        response: { 200: ZNationalCatalogueExport, ...err },
      },
    },
    async (req) => exportNationalCatalogue(db().kysely, requestNow(req), req.query.since),
  );

  app.post(
    '/admin/procedures/import',
    {
      preHandler: editor,
      bodyLimit: 20 * 1024 * 1024,
      // A whole catalogue: procedures holding components and e-form schemas nest deeper than a form does.
      config: { jsonDepth: 64 },
      schema: {
        tags: ['catalogue'],
        body: z.unknown(),
        response: { 200: ZImportResult, ...err, 422: ZErrorResponse },
      },
    },
    async (req) => {
      const rows = Buffer.isBuffer(req.body) ? await fromXlsx(req.body) : req.body;
      if (!Array.isArray(rows))
        throw new AppError('BAD_REQUEST', {
          details: {
            vi: 'cần một mảng thủ tục hoặc tệp Excel',
            en: 'expected an array of procedures or an Excel file',
          },
        });
      return importCatalogue(db(), audit(req), rows);
    },
  );

  app.get(
    '/admin/procedures/:code',
    {
      preHandler: editor,
      schema: { tags: ['catalogue'], params: ZCode, response: { 200: ZProcedure, ...err } },
    },
    async (req) => getProcedureForEditor(db().kysely, req.params.code),
  );

  app.put(
    '/admin/procedures/:code',
    {
      preHandler: editor,
      bodyLimit: EDITOR_BODY_LIMIT,
      schema: {
        tags: ['catalogue'],
        params: ZCode,
        body: ZProcedureInput,
        response: { 200: ZProcedure, ...err },
      },
    },
    async (req) => {
      if (req.body.code !== req.params.code)
        throw new AppError('BAD_REQUEST', {
          details: { vi: 'mã thủ tục trong nội dung khác đường dẫn', en: 'body code differs from the path' },
        });
      await getProcedureForEditor(db().kysely, req.params.code);
      await db()
        .kysely.transaction()
        .execute((trx) => saveDraft(trx, audit(req), req.body));
      return getProcedureForEditor(db().kysely, req.params.code);
    },
  );

  app.post(
    '/admin/procedures/:code/publish',
    {
      preHandler: editor,
      schema: {
        tags: ['catalogue'],
        summary:
          'Publish the draft: in force at once, or from effectiveFrom (a later date) — then versionStatus scheduled',
        params: ZCode,
        response: { 200: ZProcedure, ...err },
      },
    },
    async (req) => {
      // The body is optional (publish at once): parsed here, as a missing body never reaches a schema.
      const body = ZPublishRequest.safeParse(req.body ?? {});
      if (!body.success) {
        throw new AppError('VALIDATION_FAILED', {
          details: { vi: 'effectiveFrom: ngày YYYY-MM-DD', en: 'effectiveFrom: a YYYY-MM-DD date' },
        });
      }
      const id = await db()
        .kysely.transaction()
        .execute((trx) =>
          publishDraft(trx, audit(req), req.params.code, requestNow(req), body.data.effectiveFrom),
        );
      return getProcedureVersion(db().kysely, id);
    },
  );

  app.post(
    '/admin/procedures/:code/retire',
    {
      preHandler: editor,
      schema: {
        tags: ['catalogue'],
        params: ZCode,
        response: { 200: z.object({ status: z.literal('retired') }), ...err },
      },
    },
    async (req) => {
      await db()
        .kysely.transaction()
        .execute((trx) => retireProcedure(trx, audit(req), req.params.code));
      return { status: 'retired' as const };
    },
  );

  app.get(
    '/admin/procedures/:code/versions',
    {
      preHandler: editor,
      schema: { tags: ['catalogue'], params: ZCode, response: { 200: z.array(ZVersionSummary), ...err } },
    },
    async (req) => listVersions(db().kysely, req.params.code),
  );

  app.get(
    '/admin/procedures/:code/diff',
    {
      preHandler: editor,
      schema: {
        tags: ['catalogue'],
        params: ZCode,
        querystring: z.object({ from: z.coerce.number().int().min(1), to: z.coerce.number().int().min(1) }),
        response: { 200: ZVersionDiff, ...err },
      },
    },
    async (req) => diffVersions(db().kysely, req.params.code, req.query.from, req.query.to),
  );
};
