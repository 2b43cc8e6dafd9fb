// A text field of plain HTML (label, error, input) that looks and behaves like TextInput, without react-aria.
// For the login page: the first page a newcomer opens downloads none of the react-aria form widgets.
import type { FieldBase } from './field-head';
import { useField } from './form-core';

export function NativeTextInput({
  type = 'text',
  autoComplete,
  width = 'full',
  ...field
}: Omit<FieldBase, 'hint' | 'isDisabled'> & { type?: 'text' | 'password'; autoComplete?: string; width?: 'xs' | 's' | 'm' | 'l' | 'full' }) {
  const f = useField(field);
  const errorId = `${f.id}-error`;
  const invalid = f.error ? true : undefined;
  return (
    <div className="field" data-invalid={invalid}>
      <label className="label" htmlFor={f.id}>
        {field.label}
        {field.optional && <span className="optional"> (frivilligt)</span>}
      </label>
      {f.error && (
        <span className="field-error" id={errorId}>
          {f.error}
        </span>
      )}
      <input
        id={f.id}
        name={field.name}
        type={type}
        autoComplete={autoComplete}
        className={`input w-${width}`}
        value={f.text}
        onChange={(e) => f.set(e.target.value)}
        aria-required={field.optional ? undefined : true}
        aria-invalid={invalid}
        aria-describedby={f.error ? errorId : undefined}
        data-invalid={invalid}
      />
    </div>
  );
}
