/**
 * Design-system primitives only: no data fetching. Domain words only where a primitive names a shared thing (the
 * dossier status badge).
 */
export { Alert, Button, Card, Spinner } from './basics';
export { Field, InputField, DateField, ReasonField, type ControlProps } from './Field';
export { ErrorBox } from './ErrorBox';
export { Confirm } from './Confirm';
export { QueryTable, Table, type Column } from './Table';
export { StatusBadge } from './StatusBadge';
