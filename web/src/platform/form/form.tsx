// <Form>: the form element with its context and the error summary at the top.
import type { ReactNode } from 'react';
import { ErrorSummary } from './error-summary';
import { FormContext, type FormApi, type Values } from './form-core';

export function Form<V extends Values>({
  form,
  children,
  onReload,
  failureTitle,
  className,
  'aria-labelledby': labelledBy,
  'aria-label': ariaLabel,
}: {
  form: FormApi<V>;
  children: ReactNode;
  /** Offered on 409 VERSION_CONFLICT: fetch the latest data. */
  onReload?: () => void;
  /** Heading of the summary when the API refused the request as a whole. */
  failureTitle?: string;
  className?: string;
  'aria-labelledby'?: string;
  'aria-label'?: string;
}) {
  return (
    <FormContext.Provider value={form as unknown as FormApi<Values>}>
      <form id={form.id} noValidate onSubmit={form.handleSubmit} className={`form${className ? ` ${className}` : ''}`} aria-labelledby={labelledBy} aria-label={ariaLabel}>
        <ErrorSummary onReload={onReload} failureTitle={failureTitle} />
        {children}
      </form>
    </FormContext.Provider>
  );
}
