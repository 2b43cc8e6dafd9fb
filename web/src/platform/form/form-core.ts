// The form core: values, validation with the API's own zod schemas, server errors per field, and the context the
// widgets read their field from. Widgets live one per file beside it; `index.ts` re-exports them all.
import { createContext, useCallback, useContext, useRef, useState, type FormEvent } from 'react';
import { ApiError, GENERIC_ERROR_MESSAGE, isApiError } from '../api';
import type { FieldBase } from './field-head';

export type FieldErrors = Record<string, string>;
export type Values = Record<string, unknown>;

/**
 * What the form needs of a schema: zod's `safeParse`. The API's zod schemas fit; so does a small hand-written check
 * (the login page's, which keeps zod out of the first download).
 */
export type Schema<Out> = {
  safeParse: (value: unknown) => { success: true; data: Out } | { success: false; error: { issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }> } };
};

/** zod issues → first message per field path ("identityNumber", "contact.phone"). */
export function issuesToErrors(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join('.') || '_form';
    if (!(key in out)) out[key] = issue.message;
  }
  return out;
}

/** The API's `fields` → the same shape. */
export function apiFieldErrors(err: ApiError): FieldErrors {
  const out: FieldErrors = {};
  for (const f of err.fields) {
    const key = f.path.replace(/^(body|query|params)[./]/, '').replace(/\//g, '.') || '_form';
    if (!(key in out)) out[key] = f.message;
  }
  return out;
}

export type FormApi<V extends Values> = {
  id: string;
  values: V;
  errors: FieldErrors;
  /** An error from the API that is not about one field (conflict, duplicate, forbidden…). */
  formError: ApiError | null;
  submitting: boolean;
  submitCount: number;
  set: <K extends keyof V & string>(name: K, value: V[K]) => void;
  reset: (values: V) => void;
  fieldId: (name: string) => string;
  handleSubmit: (e?: FormEvent) => void;
  fieldOrder: string[];
};

export function useForm<V extends Values, Out>(opts: {
  id: string;
  initial: V;
  schema: Schema<Out>;
  /** Build the API body from the form's values (input strings → API types). Default: the values as they are. */
  toBody?: (values: V) => unknown;
  /** Checks the API makes that the shared schema cannot express on its own, e.g. "not in the future". */
  check?: (values: V, parsed: Out) => FieldErrors;
  onSubmit: (parsed: Out) => Promise<void> | void;
}): FormApi<V> {
  const [values, setValues] = useState<V>(opts.initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<ApiError | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [submitCount, setSubmitCount] = useState(0);
  const optsRef = useRef(opts);
  optsRef.current = opts;
  const valuesRef = useRef(values);
  valuesRef.current = values;

  const set = useCallback(<K extends keyof V & string>(name: K, value: V[K]) => {
    setValues((v) => ({ ...v, [name]: value }));
    // Clear the field's own error once the user changes it; the summary keeps its list until next submit.
    setErrors((e) => {
      if (!(name in e)) return e;
      const next = { ...e };
      delete next[name];
      return next;
    });
  }, []);

  const reset = useCallback((v: V) => {
    setValues(v);
    setErrors({});
    setFormError(null);
    setSubmitCount(0);
  }, []);

  const submittingRef = useRef(false);
  const handleSubmit = useCallback((e?: FormEvent) => {
    e?.preventDefault();
    if (submittingRef.current) return;
    const o = optsRef.current;
    const current = valuesRef.current;
    const body = o.toBody ? o.toBody(current) : current;
    const parsed = o.schema.safeParse(body);
    let errs: FieldErrors = parsed.success ? {} : issuesToErrors(parsed.error.issues);
    if (parsed.success && o.check) errs = { ...errs, ...o.check(current, parsed.data) };
    setFormError(null);
    if (Object.keys(errs).length > 0 || !parsed.success) {
      setErrors(errs);
      setSubmitCount((n) => n + 1);
      return;
    }
    setErrors({});
    setSubmitting(true);
    submittingRef.current = true;
    Promise.resolve()
      .then(() => o.onSubmit(parsed.data))
      .catch((err: unknown) => {
        const apiErr = isApiError(err) ? err : new ApiError(0, 'UNEXPECTED', GENERIC_ERROR_MESSAGE);
        const fieldErrs = apiFieldErrors(apiErr);
        setErrors(fieldErrs);
        setFormError(apiErr);
        setSubmitCount((n) => n + 1);
      })
      .finally(() => {
        submittingRef.current = false;
        setSubmitting(false);
      });
  }, []);

  const fieldId = useCallback((name: string) => `${opts.id}-${name.replace(/\./g, '-')}`, [opts.id]);

  return { id: opts.id, values, errors, formError, submitting, submitCount, set, reset, fieldId, handleSubmit, fieldOrder: Object.keys(opts.initial) };
}

/** A form whose body carries the version it was read at (a 409 if someone saved in between). */
export type VersionedFormSpec<V extends Values, Out> = {
  id: string;
  initial: V;
  schema: Schema<Out>;
  /** The API body without the version. */
  toBody: (values: V) => object;
  check?: (values: V, parsed: Out) => FieldErrors;
};

/** `useForm` with `version` added to the body; no version (adding something new) adds none. */
export function useVersionedForm<V extends Values, Out>(spec: VersionedFormSpec<V, Out>, version: number | undefined, onSubmit: (parsed: Out) => Promise<void>): FormApi<V> {
  return useForm({ ...spec, toBody: (v) => ({ ...(version === undefined ? {} : { version }), ...spec.toBody(v) }), onSubmit });
}

export const FormContext = createContext<FormApi<Values> | null>(null);

export function useFormContext(): FormApi<Values> {
  const ctx = useContext(FormContext);
  if (!ctx) throw new Error('Field outside <Form>');
  return ctx;
}

export function useField({ name, optional, isDisabled }: Pick<FieldBase, 'name' | 'optional' | 'isDisabled'>) {
  const form = useFormContext();
  const id = form.fieldId(name);
  const value = form.values[name];
  const error = form.errors[name];
  return {
    id,
    value,
    error,
    set: (v: unknown) => form.set(name, v),
    /** The value as text ('' when empty), for text fields. */
    text: value == null ? '' : String(value),
    /** The value as a selected key (null when empty), for radio groups and selects. */
    key: value == null || value === '' ? null : String(value),
    /** What every react-aria field gets: id, name, state, and validation shown our way (aria, not the browser's). */
    props: { id, name, isInvalid: !!error, isRequired: !optional, isDisabled, validationBehavior: 'aria' as const },
  };
}

/** Move focus to a field (the input itself, or the first control inside a group). */
export function focusField(id: string): void {
  const el = document.getElementById(id);
  if (!el) return;
  const target =
    el.matches('input, textarea, select, button') && !el.matches('input[type=hidden]')
      ? el
      : (el.querySelector<HTMLElement>('input:checked, input:not([type=hidden]), textarea, button, [tabindex="0"]') ?? el);
  target.scrollIntoView({ block: 'center' });
  target.focus();
}
