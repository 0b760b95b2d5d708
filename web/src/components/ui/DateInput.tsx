import { useState, type ComponentProps } from 'react';
import { dayText, parseDay } from '../../lib/dates';

/** The input's own props (its `ref` too, for a form library to focus it) but a day's value. */
type Props = Omit<ComponentProps<'input'>, 'value' | 'onChange' | 'type'> & {
  /** 'YYYY-MM-DD' ('YYYY-MM-DDTHH:MM' with `withTime`), or '' for none. */
  value: string;
  onChange: (value: string) => void;
  withTime?: boolean;
  /** Shown by the browser when the text is not a day (in the app's language). */
  invalidMessage: string;
};

/**
 * A day typed as dd/mm/yyyy (and HH:MM with `withTime`) in every locale. The browser's own `type="date"` follows
 * the browser's language (mm/dd/yyyy on an English browser), not the app's, and Vietnamese documents are dated
 * day first (issue #20). The parent gets the ISO value, or '' while the text is not a day.
 */
export function DateInput({ value, onChange, withTime = false, invalidMessage, ...rest }: Props) {
  const [text, setText] = useState(() => dayText(value));
  const [shown, setShown] = useState(value);
  if (value !== shown) {
    // A value set from outside (loading, reset) replaces the text unless it already says the same day.
    setShown(value);
    if (parseDay(text, withTime) !== value && !(value === '' && text.trim() !== '')) setText(dayText(value));
  }
  return (
    <input
      {...rest}
      type="text"
      inputMode="numeric"
      autoComplete="off"
      placeholder={withTime ? 'dd/mm/yyyy hh:mm' : 'dd/mm/yyyy'}
      value={text}
      onChange={(e) => {
        const next = e.target.value;
        setText(next);
        const parsed = parseDay(next, withTime);
        e.target.setCustomValidity(next.trim() === '' || parsed ? '' : invalidMessage);
        onChange(parsed ?? '');
      }}
    />
  );
}
