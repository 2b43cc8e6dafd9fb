// Forms: values, validation with the API's own zod schemas, server errors per field, an error summary
// at the top on submit, and fields with label, hint and the error next to the field.
import { createContext, useCallback, useContext, useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import {
  Checkbox,
  FieldError,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Radio,
  RadioGroup,
  Select,
  SelectValue,
  Text,
  TextArea,
  TextField,
  Button as AriaButton,
} from 'react-aria-components';
import type { z } from 'zod';
import { ApiError, GENERIC_ERROR_MESSAGE, isApiError } from './api';
import { Button, ButtonRow } from './ui';

export type FieldErrors = Record<string, string>;
type Values = Record<string, unknown>;

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
  schema: z.ZodType<Out>;
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
  schema: z.ZodType<Out>;
  /** The API body without the version. */
  toBody: (values: V) => object;
  check?: (values: V, parsed: Out) => FieldErrors;
};

/** `useForm` with `version` added to the body; no version (adding something new) adds none. */
export function useVersionedForm<V extends Values, Out>(spec: VersionedFormSpec<V, Out>, version: number | undefined, onSubmit: (parsed: Out) => Promise<void>): FormApi<V> {
  return useForm({ ...spec, toBody: (v) => ({ ...(version === undefined ? {} : { version }), ...spec.toBody(v) }), onSubmit });
}

const FormContext = createContext<FormApi<Values> | null>(null);

function useFormContext(): FormApi<Values> {
  const ctx = useContext(FormContext);
  if (!ctx) throw new Error('Field outside <Form>');
  return ctx;
}

function useField({ name, optional, isDisabled }: Pick<FieldBase, 'name' | 'optional' | 'isDisabled'>) {
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

function ErrorSummary({ onReload, failureTitle = 'Det gick inte att spara' }: { onReload?: () => void; failureTitle?: string }) {
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

type FieldBase = { name: string; label: ReactNode; hint?: ReactNode; optional?: boolean; isDisabled?: boolean };

/** Label, hint and error of a react-aria field, in that order (the control follows). */
function FieldHead({ label, optional, hint, error, legend }: FieldBase & { error?: string; legend?: boolean }) {
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

export function TextInput({
  type = 'text',
  autoComplete,
  inputMode,
  width = 'full',
  placeholder,
  ...field
}: FieldBase & {
  type?: 'text' | 'password' | 'email' | 'tel' | 'search';
  autoComplete?: string;
  inputMode?: 'text' | 'numeric' | 'tel' | 'email';
  width?: 'xs' | 's' | 'm' | 'l' | 'full';
  placeholder?: string;
}) {
  const f = useField(field);
  return (
    <TextField {...f.props} value={f.text} onChange={f.set} type={type} autoComplete={autoComplete} inputMode={inputMode} className="field">
      <FieldHead {...field} error={f.error} />
      <Input className={`input w-${width}`} placeholder={placeholder} />
    </TextField>
  );
}

export function DateInput({ hint, ...props }: FieldBase) {
  return (
    <TextInput
      {...props}
      width="s"
      inputMode="numeric"
      autoComplete="off"
      hint={
        <>
          {hint ? <>{hint} </> : null}
          Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2026-03-14.
        </>
      }
    />
  );
}

export function TextAreaInput({ rows = 4, ...field }: FieldBase & { rows?: number }) {
  const f = useField(field);
  return (
    <TextField {...f.props} value={f.text} onChange={f.set} className="field">
      <FieldHead {...field} error={f.error} />
      <TextArea className="input textarea" rows={rows} />
    </TextField>
  );
}

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
          <svg viewBox="0 0 18 18">
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

export function SelectInput({ options, placeholder = 'Välj', ...field }: FieldBase & { options: Array<{ value: string; label: string }>; placeholder?: string }) {
  const f = useField(field);
  return (
    <Select {...f.props} selectedKey={f.key} onSelectionChange={(k) => f.set(k == null ? '' : String(k))} placeholder={placeholder} className="field select">
      <FieldHead {...field} error={f.error} />
      <AriaButton className="input select-button">
        <SelectValue className="select-value" />
        <span className="select-chevron" aria-hidden="true">
          ▾
        </span>
      </AriaButton>
      <Popover className="popover">
        <ListBox className="listbox" items={options.map((o) => ({ id: o.value, ...o }))}>
          {(item) => (
            <ListBoxItem id={item.id} className="listbox-item" textValue={item.label}>
              {item.label}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </Select>
  );
}

export function SubmitButton({ children, form, variant = 'primary' }: { children: ReactNode; form: FormApi<Values> | FormApi<any>; variant?: 'primary' | 'secondary' | 'danger' }) {
  return (
    // Not react-aria's isPending: its live announcement leaves role="img" nodes that fail axe after navigation.
    <Button type="submit" variant={variant} aria-disabled={form.submitting || undefined} className={form.submitting ? 'is-pending' : undefined}>
      {form.submitting ? 'Sparar…' : children}
    </Button>
  );
}

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

/** "Fieldset" grouping with a visible legend. */
export function FieldGroup({ legend, hint, children }: { legend: string; hint?: ReactNode; children: ReactNode }) {
  return (
    <fieldset className="fieldset">
      <legend className="fieldset-legend">{legend}</legend>
      {hint && <p className="hint">{hint}</p>}
      {children}
    </fieldset>
  );
}
