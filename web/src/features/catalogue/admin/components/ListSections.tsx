import { useController, useFormContext } from 'react-hook-form';
import { useI18n } from '../../../../i18n/i18n';
import { blankFee, blankLegal, type EditorState } from '../editor-model';
import { DateTextField, Rows, TextField, TextRows, type SectionProps } from './Fields';

type ListName = 'steps' | 'subjects' | 'results' | 'conditions' | 'fees' | 'legalBasis';

/** One list of the form as the rows' controlled value. */
function useList<N extends ListName>(name: N) {
  const { field } = useController({ control: useFormContext<EditorState>().control, name });
  return { items: field.value, onChange: field.onChange };
}

/** Steps, subjects, results, conditions, fees and the legal basis: each list one controlled value of the form. */
export function ListSections({ errors }: SectionProps) {
  const { t } = useI18n();
  const steps = useList('steps');
  const subjects = useList('subjects');
  const results = useList('results');
  const conditions = useList('conditions');
  const fees = useList('fees');
  const legalBasis = useList('legalBasis');
  return (
    <>
      <TextRows id="ce-steps" legend={t('catalogue.steps')} {...steps} error={errors.steps} multiline />
      <TextRows id="ce-subjects" legend={t('catalogue.subjects')} {...subjects} error={errors.subjects} />
      <TextRows id="ce-results" legend={t('catalogue.resultDocs')} {...results} error={errors.results} />
      <TextRows
        id="ce-conditions"
        legend={t('catalogue.conditions')}
        {...conditions}
        error={errors.conditions}
        multiline
      />
      <Rows
        id="ce-fees"
        legend={t('catalogue.fees')}
        {...fees}
        blank={blankFee}
        error={errors.fees}
        render={(f, setRow, i) => (
          <div className="ce-grow ce-inline">
            <TextField
              id={`ce-fee-${i}-name`}
              label={t('catalogueAdmin.fee.name', { n: i + 1 })}
              value={f.name}
              onChange={(e) => setRow({ ...f, name: e.target.value })}
            />
            <TextField
              id={`ce-fee-${i}-amount`}
              label={t('catalogueAdmin.fee.amount')}
              type="number"
              min={0}
              step={1}
              inputMode="numeric"
              value={f.amount}
              onChange={(e) => setRow({ ...f, amount: e.target.value })}
            />
            <TextField
              id={`ce-fee-${i}-collector`}
              label={t('catalogueAdmin.fee.collector')}
              value={f.collector}
              onChange={(e) => setRow({ ...f, collector: e.target.value })}
            />
            <TextField
              id={`ce-fee-${i}-due`}
              label={t('catalogueAdmin.fee.due')}
              value={f.due}
              onChange={(e) => setRow({ ...f, due: e.target.value })}
            />
          </div>
        )}
      />
      <Rows
        id="ce-legal"
        legend={t('catalogue.legalBasis')}
        {...legalBasis}
        blank={blankLegal}
        error={errors.legalBasis}
        render={(l, setRow, i) => (
          <div className="ce-grow ce-inline">
            <TextField
              id={`ce-legal-${i}-number`}
              label={t('catalogueAdmin.legal.number', { n: i + 1 })}
              value={l.number}
              onChange={(e) => setRow({ ...l, number: e.target.value })}
            />
            <TextField
              id={`ce-legal-${i}-title`}
              label={t('catalogueAdmin.legal.title')}
              value={l.title}
              onChange={(e) => setRow({ ...l, title: e.target.value })}
            />
            <TextField
              id={`ce-legal-${i}-issuer`}
              label={t('catalogueAdmin.legal.issuer')}
              value={l.issuer}
              onChange={(e) => setRow({ ...l, issuer: e.target.value })}
            />
            <DateTextField
              id={`ce-legal-${i}-date`}
              label={t('catalogueAdmin.legal.date')}
              value={l.date}
              onValue={(date) => setRow({ ...l, date })}
            />
          </div>
        )}
      />
    </>
  );
}
