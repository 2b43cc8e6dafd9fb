// Several choices from a list (interests, languages, availability): a react-aria CheckboxGroup whose value is a
// string array in the form, looking like the single checkbox.
import { Checkbox, CheckboxGroup } from 'react-aria-components';
import { FieldHead, type FieldBase } from '../platform/form/field-head';
import { useField } from '../platform/form/form-core';

export function CheckboxGroupInput({ options, ...field }: FieldBase & { options: Array<{ value: string; label: string }> }) {
  const f = useField({ ...field, optional: true });
  const value = Array.isArray(f.value) ? (f.value as string[]) : [];
  return (
    <CheckboxGroup {...f.props} isRequired={false} value={value} onChange={f.set} className="field radio-group">
      <FieldHead {...field} error={f.error} legend />
      <div className="radio-options">
        {options.map((o) => (
          <Checkbox key={o.value} value={o.value} className="checkbox">
            <span className="checkbox-box" aria-hidden="true">
              <svg viewBox="0 0 18 18" role="presentation" focusable="false">
                <polyline points="3.5 9.5 7.5 13 14.5 5" />
              </svg>
            </span>
            <span className="checkbox-label">{o.label}</span>
          </Checkbox>
        ))}
      </div>
    </CheckboxGroup>
  );
}
