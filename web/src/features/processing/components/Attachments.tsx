import { useEffect, useState } from 'react';
import type { TDossierAttachment, TUploadedFile } from '@motcua/contracts';
import { Button } from '../../../components/ui';
import { useI18n } from '../../../i18n/i18n';
import { formatDateTime } from '../../../lib/dates';

const previewable = (f: TUploadedFile) =>
  f.mediaType === 'application/pdf' || f.mediaType.startsWith('image/');

/**
 * Every component with its files, every revision kept; paper scanned at the counter says who certified the scan and
 * when (ND 45/2020 Đ18); PDF and images open inline beside the list. The file route
 * answers as a download, so the bytes are read once and shown from a local object URL.
 */
export function Attachments({
  dossierId,
  attachments,
}: {
  dossierId: string;
  attachments: TDossierAttachment[];
}) {
  const { t, locale } = useI18n();
  const sorted = [...attachments].sort(
    (a, b) => a.componentCode.localeCompare(b.componentCode) || b.revision - a.revision,
  );
  if (sorted.length === 0) return <p>{t('dossiers.none')}</p>;
  return (
    <ul className="proc-attachments">
      {sorted.map((a) => (
        <li key={`${a.componentCode}-${a.revision}`}>
          <strong>{a.componentName}</strong>{' '}
          <small>
            ({t('processing.files.revision', { n: a.revision })}
            {a.copyKind ? `, ${t(`dossiers.copyKind.${a.copyKind}`)}` : ''}
            {a.copies ? `, ${t('dossiers.copiesN', { n: a.copies })}` : ''}
            {a.pageCount ? `, ${t('dossiers.pagesN', { n: a.pageCount })}` : ''})
          </small>
          {a.scan ? (
            <p className="muted">
              {t('processing.files.scanned', {
                name: a.scan.certifiedBy,
                at: formatDateTime(a.scan.certifiedAt, locale),
              })}
            </p>
          ) : null}
          <ul>
            {a.files.map((f) => (
              <FileRow key={f.id} dossierId={dossierId} file={f} />
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}

function FileRow({ dossierId, file }: { dossierId: string; file: TUploadedFile }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const url = `/api/dossiers/${dossierId}/files/${file.id}`;
  return (
    <li>
      <a href={url} download={file.name}>
        {t('processing.files.download', { name: file.name })}
      </a>
      {previewable(file) ? (
        <>
          {' '}
          <Button type="button" variant="secondary" aria-expanded={open} onClick={() => setOpen(!open)}>
            {t(open ? 'processing.files.hide' : 'processing.files.preview', { name: file.name })}
          </Button>
          {open ? <Preview url={url} file={file} /> : null}
        </>
      ) : null}
    </li>
  );
}

function Preview({ url, file }: { url: string; file: TUploadedFile }) {
  const { t } = useI18n();
  const [src, setSrc] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let objectUrl: string | null = null;
    let live = true;
    fetch(url, { credentials: 'same-origin' })
      .then(async (res) => {
        if (!res.ok) throw new Error(String(res.status));
        const blob = new Blob([await res.arrayBuffer()], { type: file.mediaType });
        objectUrl = URL.createObjectURL(blob);
        if (live) setSrc(objectUrl);
      })
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [url, file.mediaType]);
  if (failed) return <p role="alert">{t('app.error')}</p>;
  if (!src) return <p role="status">{t('processing.files.loading', { name: file.name })}</p>;
  return (
    <div className="proc-preview">
      {file.mediaType.startsWith('image/') ? (
        <img src={src} alt={t('processing.files.frameTitle', { name: file.name })} />
      ) : (
        <iframe src={src} title={t('processing.files.frameTitle', { name: file.name })} />
      )}
    </div>
  );
}
