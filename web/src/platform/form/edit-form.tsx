import type { ReactNode } from 'react';
import { Button, ButtonRow } from '../ui';
import { Form } from './form';
import type { FormApi, Values } from './form-core';
import { SubmitButton } from './submit-button';

/** A form that adds or changes something: "Spara" (or `submitLabel`) and "Avbryt" at the end; a version conflict offers `onReload`. */
export function EditForm<V extends Values>({
  form,
  children,
  onReload,
  onCancel,
  submitLabel = 'Spara',
  'aria-label': ariaLabel,
}: {
  form: FormApi<V>;
  children: ReactNode;
  onReload: () => void;
  onCancel: () => void;
  submitLabel?: ReactNode;
  'aria-label': string;
}) {
  return (
    <Form form={form} aria-label={ariaLabel} onReload={onReload}>
      {children}
      <ButtonRow>
        <SubmitButton form={form}>{submitLabel}</SubmitButton>
        <Button variant="secondary" onPress={onCancel}>
          Avbryt
        </Button>
      </ButtonRow>
    </Form>
  );
}
