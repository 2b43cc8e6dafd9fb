import { Checkbox } from 'react-aria-components';
import type { FieldBase } from './field-head';
import { useField } from './form-core';

export function CheckboxInput({ name, label, hint, isDisabled }: Omit<FieldBase, 'optional'>) {
  const f = useField({ name, optional: true, isDisabled });
  const hintId = `${f.id}-hint`;
  const errorId = `${f.id}-error`;
  const describedBy = [hint ? hintId : null, f.error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field field-checkbox">
      {f.error && (
        <p className="field-error" id={errorId}>
          {f.error}
        </p>
      )}
      <Checkbox {...f.props} isSelected={f.value === true} onChange={f.set} aria-describedby={describedBy} className="checkbox">
        <span className="checkbox-box" aria-hidden="true">
          <svg viewBox="0 0 18 18" role="presentation" focusable="false">
            <polyline points="3.5 9.5 7.5 13 14.5 5" />
          </svg>
        </span>
        <span className="checkbox-label">{label}</span>
      </Checkbox>
      {hint && (
        <p className="hint hint-checkbox" id={hintId}>
          {hint}
        </p>
      )}
    </div>
  );
}
