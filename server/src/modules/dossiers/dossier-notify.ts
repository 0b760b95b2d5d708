import { vnWall } from '@motcua/contracts';
import type { Transaction } from 'kysely';
import type { Locale, TApplicant } from '@motcua/contracts';
import type { Config } from '../../config';
import type { Database } from '../../db/schema';
import { findMessagingProfile } from '../accounts';
import { queueMessage } from '../notifications';
import { ratingLink } from '../feedback';
import { renderTemplate } from '../notifications';
import { DOSSIER_TEMPLATES, type MessageKind, type MessageParams } from './dossier-messages';
import type { DossierRow } from './dossiers.repo';
import { PREPARED } from '../../db/prepared';

/**
 * The public lookup page of a code (QR codes and messages link to it), carrying the lookup PIN when there is one so
 * the page shows the masked name without asking for it (ADR 0014).
 */
export function lookupUrl(config: Pick<Config, 'publicUrl'>, code: string, pin?: string | null): string {
  const page = `${config.publicUrl.replace(/\/$/, '')}/tra-cuu/${encodeURIComponent(code)}`;
  return pin ? `${page}?pin=${encodeURIComponent(pin)}` : page;
}

/** "03/02/2026 09:05": the date first, then the 24-hour time, in Việt Nam (docs/glossary.md). */
export function vnDateTime(d: Date): string {
  const t = vnWall(d);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(t.getUTCDate())}/${two(t.getUTCMonth() + 1)}/${t.getUTCFullYear()} ${two(t.getUTCHours())}:${two(t.getUTCMinutes())}`;
}

/**
 * The language of the applicant's messages and where email and SMS go, in one read of their account.
 *
 * Language: the one chosen in their account, else the language of their submission request, else Vietnamese (always
 * for people at the counter without an account).
 *
 * Destinations (issue #11): a dossier submitted online by a citizen account notifies only the contacts that account
 * verified by code: an email or phone typed into the dossier is applicant data, not a destination, since nobody
 * proved it. A dossier received at the counter or by post keeps the contacts the officer recorded with the applicant
 * in front of them.
 */
async function applicantReach(
  trx: Transaction<Database>,
  d: Pick<DossierRow, 'applicant_user_id' | 'locale' | 'channel' | 'applicant'>,
): Promise<{ locale: Locale; email: string | null; phone: string | null }> {
  const account = d.applicant_user_id ? await findMessagingProfile(trx, d.applicant_user_id) : null;
  const locale = account ? (account.locale ?? d.locale ?? 'vi') : 'vi';
  if (d.channel === 'online' && account) return { locale, email: account.email, phone: account.phone };
  const applicant = d.applicant as TApplicant;
  return { locale, email: applicant.email ?? null, phone: applicant.phone ?? null };
}

/**
 * Tells the applicant about a state change on every channel they have, inside the caller's transaction: the portal
 * inbox (a row here, if they have an account) and email/SMS through the notifications outbox, which logs each
 * message's delivery status and retries through the job queue.
 */
export async function notifyApplicant(
  trx: Transaction<Database>,
  d: DossierRow,
  kind: MessageKind,
  now: Date,
  extra: { reason?: string; publicUrl?: string; ratingUrl?: string } = {},
): Promise<void> {
  void DOSSIER_TEMPLATES; // registered on import
  const params: MessageParams = {
    ref: d.submission_ref,
    code: d.code ?? '',
    procedure: d.procedure_name,
    appointment: d.appointment_at ? vnDateTime(d.appointment_at) : '',
    reason: extra.reason ?? '',
    lookupUrl:
      d.code && extra.publicUrl ? lookupUrl({ publicUrl: extra.publicUrl }, d.code, d.lookup_pin) : '',
    pin: d.lookup_pin ?? '',
    resultUrl: extra.publicUrl ? `${extra.publicUrl.replace(/\/$/, '')}/ho-so-cua-toi/${d.id}` : '',
    ratingUrl: extra.ratingUrl ?? '',
  };
  const template = `dossier.${kind}`;
  const { locale, ...to } = await applicantReach(trx, d);
  if (d.applicant_user_id) {
    const text = renderTemplate(template, locale, params);
    await trx
      .insertInto('dossier_messages')
      .values({
        dossier_id: d.id,
        user_id: d.applicant_user_id,
        kind,
        channel: 'portal',
        recipient: null,
        locale,
        subject: text.subject,
        body: text.text,
        status: 'sent',
        sent_at: now,
        last_error: null,
        created_at: now,
      })
      .modifyEnd(PREPARED)
      .execute();
  }
  if (to.email) await queueMessage(trx, { channel: 'email', to: to.email, template, params, locale, now });
  if (to.phone) await queueMessage(trx, { channel: 'sms', to: to.phone, template, params, locale, now });
}

/** The result was returned (issue 16): the message carries the signed satisfaction-rating link. */
export function notifyReturned(
  trx: Transaction<Database>,
  ctx: { now: Date; config: Pick<Config, 'publicUrl' | 'feedback'> },
  d: DossierRow,
): Promise<void> {
  return notifyApplicant(trx, d, 'result_returned', ctx.now, {
    publicUrl: ctx.config.publicUrl,
    ratingUrl: ratingLink(ctx.config, d.id),
  });
}
