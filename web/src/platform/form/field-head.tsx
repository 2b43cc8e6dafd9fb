// Label, hint and error of a field, shared by the widgets.
import type { ReactNode } from 'react';
import { FieldError, Label, Text } from 'react-aria-components';

export type FieldBase = { name: string; label: ReactNode; hint?: ReactNode; optional?: boolean; isDisabled?: boolean };

/** Label, hint and error of a react-aria field, in that order (the control follows). */
export function FieldHead({ label, optional, hint, error, legend }: FieldBase & { error?: string; legend?: boolean }) {
  return (
    <>
      <Label className={legend ? 'label legend' : 'label'}>
        {label}
        {optional && <span className="optional"> (frivilligt)</span>}
      </Label>
      {hint && (
        <Text slot="description" className="hint">
          {hint}
        </Text>
      )}
      <FieldError className="field-error">{error}</FieldError>
    </>
  );
}
