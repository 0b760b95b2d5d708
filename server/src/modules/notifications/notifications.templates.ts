import type { Locale } from '@motcua/contracts';

/** One message type, per locale: the subject (email only) and the text; {name} placeholders come from params. */
export type MessageTemplate = Record<Locale, { subject: string; text: string }>;

const templates = new Map<string, MessageTemplate>();

/** Modules register their message types at import time (accounts: codes; dossiers: received, supplement, …). */
export function registerTemplates(defs: Record<string, MessageTemplate>): void {
  for (const [name, def] of Object.entries(defs)) templates.set(name, def);
}

export function hasTemplate(name: string): boolean {
  return templates.has(name);
}

export type RenderedMessage = { subject: string; text: string };

export function renderTemplate(
  name: string,
  locale: Locale,
  params: Record<string, string | number>,
): RenderedMessage {
  const def = templates.get(name);
  if (!def) throw new Error(`Unknown message template ${name}`);
  const fill = (s: string) =>
    s.replace(/\{(\w+)\}/g, (_, key: string) => {
      const v = params[key];
      if (v === undefined) throw new Error(`Message template ${name} needs parameter ${key}`);
      return String(v);
    });
  return { subject: fill(def[locale].subject), text: fill(def[locale].text) };
}
