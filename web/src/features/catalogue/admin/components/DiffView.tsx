import { Alert, Spinner, Table } from '../../../../components/ui';
import { messages, useI18n, type MessageKey } from '../../../../i18n/i18n';
import { readableLines } from '../diff-format';
import { useDiff } from '../hooks';

/** What changed between two versions: one row per field, its value before and after. */
export function DiffView({ code, from, to }: { code: string; from: number; to: number }) {
  const { t } = useI18n();
  const diff = useDiff(code, from, to);
  if (from === to) return <p className="muted">{t('catalogueAdmin.diff.same')}</p>;
  if (diff.isPending) return <Spinner label={t('app.loading')} />;
  if (diff.isError) return <Alert kind="error">{diff.error.message}</Alert>;
  const yes = t('catalogue.yes');
  const no = t('catalogue.no');
  const label = (f: string) => {
    const key = `catalogueAdmin.diff.f.${f}` as MessageKey;
    return key in messages.vi ? t(key) : f;
  };
  const cell = (field: string, v: unknown) => (
    <ul className="ce-diff-lines">
      {readableLines(field, v, yes, no).map((l, i) => (
        <li key={i}>{l}</li>
      ))}
    </ul>
  );
  return (
    <Table
      className="ce-diff"
      caption={t('catalogueAdmin.diff.caption', { from, to })}
      rows={diff.data.changes}
      rowKey={(c) => c.field}
      rowData={(c) => ({ 'data-field': c.field })}
      empty={t('catalogueAdmin.diff.none')}
      columns={[
        { header: t('catalogueAdmin.diff.field'), cell: (c) => label(c.field), rowHeader: true },
        { header: t('catalogueAdmin.diff.before', { n: from }), cell: (c) => cell(c.field, c.before) },
        { header: t('catalogueAdmin.diff.after', { n: to }), cell: (c) => cell(c.field, c.after) },
      ]}
    />
  );
}
