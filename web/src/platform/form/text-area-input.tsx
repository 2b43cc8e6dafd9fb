import { TextArea, TextField } from 'react-aria-components';
import { FieldHead, type FieldBase } from './field-head';
import { useField } from './form-core';

export function TextAreaInput({ rows = 4, ...field }: FieldBase & { rows?: number }) {
  const f = useField(field);
  return (
    <TextField {...f.props} value={f.text} onChange={f.set} className="field">
      <FieldHead {...field} error={f.error} />
      <TextArea className="input textarea" rows={rows} />
    </TextField>
  );
}
