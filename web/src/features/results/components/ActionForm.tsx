import type { ReactNode } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, ErrorBox } from '../../../components/ui';

type Props = {
  title: string;
  submitLabel: string;
  /** Runs the action; returns the success message to show. */
  onSubmit: () => Promise<string>;
  children: ReactNode;
};

/** One action form of the results card: a heading, the fields, a submit button, the outcome (success or error). */
export function ActionForm({ title, submitLabel, onSubmit, children }: Props) {
  const action = useMutation({ mutationFn: onSubmit });
  return (
    <form
      className="stack"
      onSubmit={(e) => {
        e.preventDefault();
        action.mutate();
      }}
    >
      <h3>{title}</h3>
      {action.data ? <Alert kind="success">{action.data}</Alert> : null}
      {children}
      <Button type="submit" disabled={action.isPending}>
        {submitLabel}
      </Button>
      <ErrorBox error={action.error} />
    </form>
  );
}
