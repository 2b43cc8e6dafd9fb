import type { ReactNode } from 'react';
import { Radio, RadioGroup } from 'react-aria-components';
import { FieldHead, type FieldBase } from './field-head';
import { useField } from './form-core';

export type Option = { value: string; label: ReactNode; hint?: ReactNode; textValue?: string };

export function RadioInput({ options, inline = false, ...field }: FieldBase & { options: Option[]; inline?: boolean }) {
  const f = useField(field);
  return (
    <RadioGroup {...f.props} value={f.key} onChange={f.set} className={`field radio-group${inline ? ' radio-inline' : ''}`}>
      <FieldHead {...field} error={f.error} legend />
      <div className="radio-options">
        {options.map((o) => (
          <Radio key={o.value} value={o.value} className="radio">
            <span className="radio-dot" aria-hidden="true" />
            <span className="radio-text">
              <span className="radio-label">{o.label}</span>
              {o.hint && <span className="radio-hint">{o.hint}</span>}
            </span>
          </Radio>
        ))}
      </div>
    </RadioGroup>
  );
}
