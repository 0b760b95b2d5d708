import './ui.css';
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n';
import { Button } from './basics';

type Props = {
  open: boolean;
  title: string;
  children?: ReactNode;
  /** The confirming button's label (default "Đồng ý"); a destructive action shows it as danger. */
  confirmLabel?: string;
  danger?: boolean;
  onConfirm(): void;
  onCancel(): void;
};

/**
 * An accessible confirmation instead of `window.confirm`: a modal `<dialog>` (focus moves in and is kept there,
 * Escape cancels), titled by its heading, in the app's language.
 */
export function Confirm({ open, title, children, confirmLabel, danger, onConfirm, onCancel }: Props) {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className="confirm"
      aria-labelledby={`${id}-title`}
      aria-describedby={children ? `${id}-body` : undefined}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      {open ? (
        <>
          <h2 id={`${id}-title`}>{title}</h2>
          {children ? <div id={`${id}-body`}>{children}</div> : null}
          <div className="row">
            <Button type="button" variant="secondary" onClick={onCancel} autoFocus>
              {t('app.cancel')}
            </Button>
            <Button type="button" variant={danger ? 'danger' : 'primary'} onClick={onConfirm}>
              {confirmLabel ?? t('app.confirm')}
            </Button>
          </div>
        </>
      ) : null}
    </dialog>
  );
}
