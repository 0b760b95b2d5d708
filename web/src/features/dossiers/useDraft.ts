import { useEffect, useRef, useState } from 'react';
import type { TDraft, TSaveDraftRequest } from '@motcua/contracts';
import { isConflict } from '../../lib/api';
import { dossiersApi } from './api';

type Content = TSaveDraftRequest['content'];
export type DraftState = 'idle' | 'saving' | 'saved' | 'conflict' | 'error';

/**
 * Server-side draft of one procedure's submission: found again on any device, saved a moment after each change.
 * The version read last goes with every save so two devices cannot silently overwrite each other.
 */
export function useDraft(procedureCode: string, content: Content | null, delayMs = 1200) {
  const [draft, setDraft] = useState<TDraft | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [state, setState] = useState<DraftState>('idle');
  const latest = useRef<TDraft | null>(null);
  const first = useRef(true);
  // After a conflict nothing more is saved from this page (read in the save effect, which must not re-run on it).
  const conflicted = useRef(false);

  useEffect(() => {
    let cancelled = false;
    dossiersApi
      .drafts()
      .then((res) => {
        if (cancelled) return;
        const found = res.items.find((d) => d.procedureCode === procedureCode) ?? null;
        latest.current = found;
        setDraft(found);
      })
      .catch(() => undefined)
      .finally(() => !cancelled && setLoaded(true));
    return () => {
      cancelled = true;
    };
  }, [procedureCode]);

  const serialised = content ? JSON.stringify(content) : null;
  useEffect(() => {
    if (!loaded || serialised === null || conflicted.current) return;
    if (first.current) {
      first.current = false; // the resumed content itself needs no save
      return;
    }
    const timer = window.setTimeout(() => {
      const body: TSaveDraftRequest = {
        procedureCode,
        content: JSON.parse(serialised) as Content,
        ...(latest.current ? { expectedVersion: latest.current.version } : {}),
      };
      setState('saving');
      const call = latest.current
        ? dossiersApi.saveDraft(latest.current.id, body)
        : dossiersApi.createDraft(body);
      call
        .then((d) => {
          latest.current = d;
          setDraft(d);
          setState('saved');
        })
        .catch((err: unknown) => {
          conflicted.current = isConflict(err);
          setState(conflicted.current ? 'conflict' : 'error');
        });
    }, delayMs);
    return () => window.clearTimeout(timer);
    // Saves follow the content (the procedure and the delay are fixed per page).
  }, [serialised, loaded, procedureCode, delayMs]);

  return { draft, loaded, state, draftId: () => latest.current?.id ?? null };
}
