import type { TInteragencyAnswerFile } from '@motcua/contracts';
import { useI18n } from '../../../i18n/i18n';
import { answerFileUrl } from '../api';

/** The files attached to a partner's answer, as download links opened through part `tid`. */
export function AnswerFiles({ tid, files }: { tid: string; files: readonly TInteragencyAnswerFile[] }) {
  const { t } = useI18n();
  if (files.length === 0) return null;
  return (
    <ul aria-label={t('interagency.answerFiles')} className="file-list">
      {files.map((f) => (
        <li key={f.id}>
          <a href={answerFileUrl(tid, f.id)} target="_blank" rel="noreferrer">
            {f.name}
          </a>
        </li>
      ))}
    </ul>
  );
}
