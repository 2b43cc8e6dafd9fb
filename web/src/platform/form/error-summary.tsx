// The error summary shown at the top on submit: every field's error as a link to the field, or the API's message.
import { useEffect, useRef } from 'react';
import { Button } from '../ui';
import { focusField, useFormContext } from './form-core';

export function ErrorSummary({ onReload, failureTitle = 'Det gick inte att spara' }: { onReload?: () => void; failureTitle?: string }) {
  const form = useFormContext();
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(form.errors).sort(([a], [b]) => orderOf(form.fieldOrder, a) - orderOf(form.fieldOrder, b));
  const show = form.submitCount > 0 && (entries.length > 0 || form.formError !== null);
  useEffect(() => {
    if (form.submitCount > 0) ref.current?.focus();
  }, [form.submitCount]);
  if (!show) return null;
  const err = form.formError;
  const conflict = err?.code === 'VERSION_CONFLICT';
  const headingId = `${form.id}-error-summary-title`;
  const title = entries.length > 0 ? 'Rätta följande innan du går vidare' : conflict ? 'Uppgifterna har ändrats' : failureTitle;
  return (
    <div className="error-summary" ref={ref} tabIndex={-1} role="alert" aria-labelledby={headingId}>
      <h2 id={headingId} className="error-summary-title">
        {title}
      </h2>
      {err && (entries.length === 0 || err.code !== 'VALIDATION_FAILED') && <p>{err.message}</p>}
      {err?.requestId && err.status >= 500 && <p className="muted">Felkod för support: {err.requestId}</p>}
      {entries.length > 0 && (
        <ul>
          {entries.map(([name, message]) => (
            <li key={name}>
              <a
                href={`#${form.fieldId(name)}`}
                onClick={(e) => {
                  e.preventDefault();
                  focusField(form.fieldId(name));
                }}
              >
                {message}
              </a>
            </li>
          ))}
        </ul>
      )}
      {conflict && onReload && (
        <Button variant="secondary" onPress={onReload}>
          Hämta de senaste uppgifterna
        </Button>
      )}
    </div>
  );
}

function orderOf(order: string[], key: string): number {
  const i = order.indexOf(key.split('.')[0]);
  return i === -1 ? order.length : i;
}
