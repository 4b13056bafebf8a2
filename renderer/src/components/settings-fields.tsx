// Form pieces of the Settings view, each with its label and its own error next to it.
import type { ReactNode } from 'react';
import type { z } from 'zod';
import type { MessageKey, Translate } from '../i18n/messages';

export type FieldErrors = Record<string, string>;

/** Turns a schema issue into words for the field it is about. */
export function issueText(issue: z.core.$ZodIssue, t: Translate): string {
  const top = issue.path[0];
  switch (issue.code) {
    case 'invalid_type':
      return issue.expected === 'number' || issue.expected === 'int' ? t('error.number') : t('error.invalid');
    case 'too_small':
      return issue.origin === 'array'
        ? t('error.minItems', { min: String(issue.minimum) })
        : t('error.min', { min: String(issue.minimum) });
    case 'too_big':
      return issue.origin === 'array'
        ? t('error.maxItems', { max: String(issue.maximum) })
        : t('error.max', { max: String(issue.maximum) });
    case 'invalid_format':
      return t('error.clock');
    case 'custom':
      if (top === 'links') return t('error.httpsUrl');
      if (top === 'sources') return t('error.httpUrl');
      return t('error.invalid');
    default:
      return t('error.invalid');
  }
}

export function errorsFrom(issues: z.core.$ZodIssue[], t: Translate): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const path = issue.path.map(String).join('.');
    if (!(path in errors)) errors[path] = issueText(issue, t);
  }
  return errors;
}

/** DOM id for a settings path ("sources.0.url" -> "setting-sources-0-url"). */
export const fieldId = (path: string) => `setting-${path.replace(/\./g, '-')}`;

interface FieldProps {
  path: string;
  label: string;
  errors: FieldErrors;
  children: (props: { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string }) => ReactNode;
  className?: string;
}

export function Field({ path, label, errors, children, className }: FieldProps) {
  const id = fieldId(path);
  const error = errors[path];
  return (
    <div className={`field${className ? ` ${className}` : ''}${error ? ' invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': Boolean(error), 'aria-describedby': error ? `${id}-error` : undefined })}
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

interface CheckboxProps {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
}

export function Checkbox({ label, checked, onChange, disabled }: CheckboxProps) {
  return (
    <label className={`checkbox${disabled ? ' disabled' : ''}`}>
      <input type="checkbox" checked={checked} disabled={disabled} onChange={(event) => onChange(event.target.checked)} />
      <span>{label}</span>
    </label>
  );
}

interface NumberInputProps {
  path: string;
  label: string;
  value: number;
  errors: FieldErrors;
  onChange: (value: number) => void;
  min: number;
  max: number;
}

/** An emptied box becomes NaN, which the schema reports as "enter a whole number". */
export function NumberField({ path, label, value, errors, onChange, min, max }: NumberInputProps) {
  return (
    <Field path={path} label={label} errors={errors} className="field-number">
      {(props) => (
        <input
          {...props}
          type="number"
          inputMode="numeric"
          min={min}
          max={max}
          value={Number.isNaN(value) ? '' : value}
          onChange={(event) => onChange(event.target.value === '' ? Number.NaN : Number(event.target.value))}
        />
      )}
    </Field>
  );
}

export function SectionTitle({ children }: { children: ReactNode }) {
  return <h2 className="section-title">{children}</h2>;
}

export type { MessageKey };
