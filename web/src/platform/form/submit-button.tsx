import type { ReactNode } from 'react';
import { Button } from '../ui';
import type { FormApi, Values } from './form-core';

export function SubmitButton({ children, form, variant = 'primary' }: { children: ReactNode; form: Pick<FormApi<Values>, 'submitting'>; variant?: 'primary' | 'secondary' | 'danger' }) {
  return (
    // Not react-aria's isPending: its live announcement leaves role="img" nodes that fail axe after navigation.
    <Button type="submit" variant={variant} aria-disabled={form.submitting || undefined} className={form.submitting ? 'is-pending' : undefined}>
      {form.submitting ? 'Sparar…' : children}
    </Button>
  );
}
