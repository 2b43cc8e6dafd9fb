import { Input, TextField } from 'react-aria-components';
import { FieldHead, type FieldBase } from './field-head';
import { useField } from './form-core';

export function TextInput({
  type = 'text',
  autoComplete,
  inputMode,
  width = 'full',
  placeholder,
  ...field
}: FieldBase & {
  type?: 'text' | 'password' | 'email' | 'tel' | 'search';
  autoComplete?: string;
  inputMode?: 'text' | 'numeric' | 'tel' | 'email';
  width?: 'xs' | 's' | 'm' | 'l' | 'full';
  placeholder?: string;
}) {
  const f = useField(field);
  return (
    <TextField {...f.props} value={f.text} onChange={f.set} type={type} autoComplete={autoComplete} inputMode={inputMode} className="field">
      <FieldHead {...field} error={f.error} />
      <Input className={`input w-${width}`} placeholder={placeholder} />
    </TextField>
  );
}
