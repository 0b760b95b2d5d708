import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  toVnIso,
  ZDaysQuery,
  ZDaysResponse,
  ZDeadlineQuery,
  ZDeadlineResponse,
  ZErrorResponse,
  ZIsoDate,
  ZOfficialSchedule,
  ZPutHoursBody,
  ZScheduleListResponse,
  ZSettings,
  ZUnitCalendarResponse,
  ZUnitCodeParams,
  ZUnitDay,
  ZUnitDayInput,
  ZYearParams,
} from '@motcua/contracts';
import { requireRole } from '../../http/auth';
import { actorContext } from '../../http/context';
import { AppError } from '../../http/errors';
import { addWorkingDays, addWorkingHours } from '.';
import type { DayCountMode, WeeklyHours } from '.';
import * as service from './calendar.service';

const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse };
// onRequest, not preHandler: who may call is decided before the body is validated (401/403 before 400).
const admin = { onRequest: requireRole('system_admin') };
const MAX_HOURS = 8000;
const MAX_DAYS = 1000;

function staffActor(req: FastifyRequest) {
  return actorContext(req).audit;
}

const bad = (vi: string, en: string) => new AppError('BAD_REQUEST', { details: { vi, en } });

/** A number of working hours/days from the query: finite, not negative, within reason. */
function amount(raw: string, name: string, max: number): number {
  const n = raw.trim() === '' ? NaN : Number(raw);
  if (!Number.isFinite(n) || n < 0 || n > max)
    throw bad(
      `${name} phải là số không âm, tối đa ${max} (nhận được "${raw}").`,
      `${name} must be a non-negative number of at most ${max} (got "${raw}").`,
    );
  return n;
}

/** ISO 8601 with an explicit offset; a '+' left unencoded in the URL arrives as a space and is restored. */
function instant(raw: string | undefined): Date {
  const text = (raw ?? '').trim().replace(/ (\d{2}:?\d{2})$/, '+$1');
  const ok = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i.test(text);
  const t = ok ? new Date(text) : new Date(NaN);
  if (Number.isNaN(t.getTime()))
    throw bad(
      `Tham số from phải là thời điểm ISO 8601 có múi giờ, ví dụ 2026-02-23T09:00:00+07:00 (nhận được "${raw ?? ''}").`,
      `from must be an ISO 8601 instant with an offset, e.g. 2026-02-23T09:00:00+07:00 (got "${raw ?? ''}").`,
    );
  return t;
}

export const calendarRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.deps.db;

  app.get(
    '/calendar/:unitCode/deadline',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Deadline after N working hours or working days in the unit’s calendar',
        params: ZUnitCodeParams,
        querystring: ZDeadlineQuery,
        response: { 200: ZDeadlineResponse, ...errors },
      },
    },
    async (req) => {
      const q = req.query;
      const from = instant(q.from);
      const hasH = q.workingHours !== undefined;
      const hasD = q.workingDays !== undefined;
      if (hasH === hasD)
        throw bad(
          'Cần đúng một trong hai tham số workingHours hoặc workingDays.',
          'Give exactly one of workingHours or workingDays.',
        );
      let mode: DayCountMode | undefined;
      if (q.mode !== undefined) {
        if (q.mode !== 'hours' && q.mode !== 'civil')
          throw bad(
            `mode phải là "hours" hoặc "civil" (nhận được "${q.mode}").`,
            `mode must be "hours" or "civil" (got "${q.mode}").`,
          );
        if (hasH) throw bad('mode chỉ dùng cùng workingDays.', 'mode applies to workingDays only.');
        mode = q.mode;
      }
      const cal = await service.getCalendarForUnit(db(), req.params.unitCode);
      if (hasH)
        return {
          deadline: toVnIso(
            addWorkingHours(cal, from, amount(q.workingHours ?? '', 'workingHours', MAX_HOURS)),
          ),
        };
      const days = amount(q.workingDays ?? '', 'workingDays', MAX_DAYS);
      const m = mode ?? cal.dayCountMode;
      if (m === 'civil' && !Number.isInteger(days))
        throw bad(
          'Cách tính "civil" cần số ngày làm việc nguyên.',
          '"civil" counting needs a whole number of working days.',
        );
      return { deadline: toVnIso(addWorkingDays(cal, from, days, m)) };
    },
  );

  app.get(
    '/calendar/:unitCode/days',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Every day of a year: working, non-working or reception-only, with hours and reason',
        params: ZUnitCodeParams,
        querystring: ZDaysQuery,
        response: { 200: ZDaysResponse, ...errors },
      },
    },
    async (req) => {
      const cal = await service.getCalendarForUnit(db(), req.params.unitCode);
      return {
        unitCode: req.params.unitCode,
        year: req.query.year,
        days: service.daysOfYear(cal, req.query.year),
      };
    },
  );

  // ---------- administration (system_admin) ----------

  app.get(
    '/admin/calendar/settings',
    { ...admin, schema: { tags: ['calendar'], response: { 200: ZSettings, ...errors } } },
    async () => ({ dayCountMode: await service.getDayCountMode(db()) }),
  );

  app.put(
    '/admin/calendar/settings',
    { ...admin, schema: { tags: ['calendar'], body: ZSettings, response: { 200: ZSettings, ...errors } } },
    async (req) => {
      await service.setDayCountMode(db(), staffActor(req), req.body.dayCountMode);
      return { dayCountMode: req.body.dayCountMode };
    },
  );

  app.get(
    '/admin/calendar/units/:unitCode',
    {
      ...admin,
      schema: {
        tags: ['calendar'],
        params: ZUnitCodeParams,
        response: { 200: ZUnitCalendarResponse, ...errors },
      },
    },
    async (req) => service.unitCalendarView(db(), req.params.unitCode),
  );

  app.put(
    '/admin/calendar/units/:unitCode/hours',
    {
      ...admin,
      schema: {
        tags: ['calendar'],
        params: ZUnitCodeParams,
        body: ZPutHoursBody,
        response: { 200: ZUnitCalendarResponse, ...errors },
      },
    },
    async (req) => {
      await service.setUnitHours(
        db(),
        staffActor(req),
        req.params.unitCode,
        req.body.weekly as WeeklyHours | null,
      );
      return service.unitCalendarView(db(), req.params.unitCode);
    },
  );

  app.post(
    '/admin/calendar/units/:unitCode/days',
    {
      ...admin,
      schema: {
        tags: ['calendar'],
        params: ZUnitCodeParams,
        body: ZUnitDayInput,
        response: { 201: ZUnitDay, 409: ZErrorResponse, ...errors },
      },
    },
    async (req, reply) => {
      const key = req.headers['idempotency-key'];
      const created = await service.addUnitDay(
        db(),
        staffActor(req),
        req.params.unitCode,
        req.body,
        typeof key === 'string' ? key : undefined,
      );
      return reply.status(201).send(created);
    },
  );

  app.delete(
    '/admin/calendar/units/:unitCode/days/:date',
    {
      ...admin,
      schema: {
        tags: ['calendar'],
        params: ZUnitCodeParams.extend({ date: ZIsoDate }),
        response: { 204: z.null(), ...errors },
      },
    },
    async (req, reply) => {
      await service.removeUnitDay(db(), staffActor(req), req.params.unitCode, req.params.date);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/admin/calendar/schedules',
    { ...admin, schema: { tags: ['calendar'], response: { 200: ZScheduleListResponse, ...errors } } },
    async () => ({ items: await service.listSchedules(db()) }),
  );

  app.get(
    '/admin/calendar/schedules/:year',
    {
      ...admin,
      schema: { tags: ['calendar'], params: ZYearParams, response: { 200: ZOfficialSchedule, ...errors } },
    },
    async (req) => service.getSchedule(db(), req.params.year),
  );

  // The body is the schedule JSON as published; the parser, not zod, validates it so every error is listed.
  app.put(
    '/admin/calendar/schedules/:year',
    {
      ...admin,
      schema: {
        tags: ['calendar'],
        params: ZYearParams,
        body: z.unknown(),
        response: { 200: ZOfficialSchedule, ...errors },
      },
    },
    async (req) => service.importSchedule(db(), staffActor(req), req.body, req.params.year),
  );

  app.delete(
    '/admin/calendar/schedules/:year',
    { ...admin, schema: { tags: ['calendar'], params: ZYearParams, response: { 204: z.null(), ...errors } } },
    async (req, reply) => {
      await service.removeSchedule(db(), staffActor(req), req.params.year);
      return reply.status(204).send(null);
    },
  );
};
