// A form that saves itself: a draft is saved a moment after the last change, when focus leaves the form, and
// when the tab is hidden or closed (a request that outlives the page), so a closed tab loses nothing. It gives the
// platform's widgets the same FormApi as useForm (web/src/platform/form), so fields look and behave the same; the
// error summary appears (and takes focus) only after the user's own "Spara" or "Klar", never while they type.
import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { ApiError, GENERIC_ERROR_MESSAGE, isApiError } from '../platform/api';
import type { FieldErrors, FormApi } from '../platform/form';

type Values = Record<string, unknown>;
type Schema<Out> = {
  safeParse: (value: unknown) => { success: true; data: Out } | { success: false; error: { issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }> } };
};

export type SaveStatus =
  | { kind: 'idle' }
  | { kind: 'dirty' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'invalid' }
  | { kind: 'conflict' }
  | { kind: 'failed'; message: string };

/**
 * Values whose save was refused because the session had ended (401), kept in this tab's memory only — never in
 * browser storage, since they are a person's data — until the user signs in again (the app navigates, it does not
 * reload) and the same form opens on the same version. Keyed by the form's `strandKey`.
 */
const stranded = new Map<string, { values: Values; basis: unknown }>();

function strand(key: string | undefined, values: Values, basis: unknown, err: unknown): void {
  if (key && isApiError(err) && err.status === 401) stranded.set(key, { values, basis });
}

/** What became of values stranded by an ended session when the form opened again. */
export type Restored = 'none' | 'restored' | 'outdated';

export interface AutosaveForm<V extends Values> extends FormApi<V> {
  status: SaveStatus;
  restored: Restored;
  /** Save now (if there is anything to save); `manual` shows the error summary on failure. True when saved. */
  flush: (manual: boolean) => Promise<boolean>;
  /** Show errors from another action (e.g. "Klar") as the form's, with the summary. */
  showErrors: (err: ApiError, fields: FieldErrors) => void;
}

function errorsOf(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>, fieldOf: (path: string) => string): FieldErrors {
  const out: FieldErrors = {};
  for (const i of issues) {
    const key = fieldOf(i.path.map(String).join('.') || '_form');
    if (!(key in out)) out[key] = i.message;
  }
  return out;
}

export function useAutosaveForm<V extends Values, Out>(opts: {
  id: string;
  initial: V;
  schema: Schema<Out>;
  toBody: (v: V) => unknown;
  check?: (parsed: Out) => FieldErrors;
  /** The field a problem's path belongs to (e.g. "wishedInterests.2" → "wishedInterests"). */
  fieldOf?: (path: string) => string;
  save: (parsed: Out) => Promise<void>;
  /** The same save as a request that survives the page being closed (fetch keepalive); rejects with the ApiError. */
  saveOnExit: (parsed: Out) => Promise<void>;
  /** Identifies this form's record (e.g. `investigation:<case id>`): unsaved values survive a sign-in under it. */
  strandKey?: string;
  /** The version the values are based on now: stranded values come back only on the same version. */
  basis?: () => unknown;
  delayMs?: number;
}): AutosaveForm<V> {
  const [back] = useState(() => {
    const s = opts.strandKey ? stranded.get(opts.strandKey) : undefined;
    if (!s || !opts.strandKey) return { values: null, restored: 'none' as Restored };
    stranded.delete(opts.strandKey);
    return s.basis === opts.basis?.() ? { values: s.values as V, restored: 'restored' as Restored } : { values: null, restored: 'outdated' as Restored };
  });
  const [values, setValues] = useState<V>(back.values ?? opts.initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<ApiError | null>(null);
  const [submitCount, setSubmitCount] = useState(0);
  const [status, setStatus] = useState<SaveStatus>({ kind: back.values ? 'dirty' : 'idle' });
  const o = useRef(opts);
  o.current = opts;
  const valuesRef = useRef(values);
  valuesRef.current = values;
  /** Changes not yet saved: a counter, so a change made during a save is not lost. */
  const changes = useRef(back.values ? 1 : 0);
  const saving = useRef<Promise<boolean> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const stopped = useRef(false);
  const fieldOf = useCallback((p: string) => (o.current.fieldOf ? o.current.fieldOf(p) : p), []);

  const parse = useCallback((): { ok: true; data: Out } | { ok: false; errors: FieldErrors } => {
    const parsed = o.current.schema.safeParse(o.current.toBody(valuesRef.current));
    if (!parsed.success) return { ok: false, errors: errorsOf(parsed.error.issues, fieldOf) };
    const extra = o.current.check?.(parsed.data) ?? {};
    return Object.keys(extra).length > 0 ? { ok: false, errors: extra } : { ok: true, data: parsed.data };
  }, [fieldOf]);

  const flush = useCallback(
    async (manual: boolean): Promise<boolean> => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
      // One save at a time: a second waits for the first (and any that started meanwhile), then sends the new version.
      while (saving.current) await saving.current;
      if (stopped.current) {
        if (manual) setSubmitCount((n) => n + 1);
        return false;
      }
      if (changes.current === 0) return true;
      const p = parse();
      if (!p.ok) {
        setErrors(p.errors);
        setFormError(null);
        setStatus({ kind: 'invalid' });
        if (manual) setSubmitCount((n) => n + 1);
        return false;
      }
      const seen = changes.current;
      setStatus({ kind: 'saving' });
      const run = (async () => {
        try {
          await o.current.save(p.data);
          changes.current -= seen;
          setErrors({});
          setFormError(null);
          setStatus(changes.current > 0 ? { kind: 'dirty' } : { kind: 'saved', at: new Date() });
          return true;
        } catch (e) {
          const err = isApiError(e) ? e : new ApiError(0, 'UNEXPECTED', GENERIC_ERROR_MESSAGE);
          strand(o.current.strandKey, valuesRef.current, o.current.basis?.(), err);
          setFormError(err);
          if (err.code === 'VERSION_CONFLICT' || err.code === 'INVESTIGATION_COMPLETED') {
            stopped.current = true;
            setStatus({ kind: 'conflict' });
          } else if (err.code === 'VALIDATION_FAILED') {
            setErrors(errorsOf(err.fields.map((f) => ({ path: f.path.replace(/^body[./]/, '').split(/[./]/), message: f.message })), fieldOf));
            setStatus({ kind: 'invalid' });
          } else setStatus({ kind: 'failed', message: err.message });
          if (manual) setSubmitCount((n) => n + 1);
          return false;
        } finally {
          saving.current = null;
        }
      })();
      saving.current = run;
      return run;
    },
    [parse, fieldOf],
  );

  const set = useCallback(
    <K extends keyof V & string>(name: K, value: V[K]) => {
      setValues((v) => ({ ...v, [name]: value }));
      valuesRef.current = { ...valuesRef.current, [name]: value };
      changes.current += 1;
      setErrors((e) => {
        if (!(name in e)) return e;
        const next = { ...e };
        delete next[name];
        return next;
      });
      if (!stopped.current) setStatus({ kind: 'dirty' });
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(false), o.current.delayMs ?? 1500);
    },
    [flush],
  );

  // Values back from before a sign-in are saved at once.
  useEffect(() => {
    if (back.values) void flush(false);
  }, [back, flush]);

  // Focus leaving a field saves at once (the timer saves otherwise).
  useEffect(() => {
    const el = document.getElementById(opts.id);
    if (!el) return;
    const onFocusOut = () => {
      if (changes.current > 0 && !stopped.current) void flush(false);
    };
    el.addEventListener('focusout', onFocusOut);
    return () => el.removeEventListener('focusout', onFocusOut);
  }, [opts.id, flush]);

  // A hidden or closing tab: send what is unsaved with a request that outlives the page.
  useEffect(() => {
    const exit = () => {
      if (changes.current === 0 || stopped.current) return;
      const p = parse();
      if (!p.ok) return;
      const values = valuesRef.current;
      const { strandKey } = o.current;
      const basis = o.current.basis?.();
      o.current.saveOnExit(p.data).catch((e) => strand(strandKey, values, basis, e));
    };
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') void flush(false);
    };
    window.addEventListener('pagehide', exit);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', exit);
      document.removeEventListener('visibilitychange', onVisibility);
      if (timer.current) clearTimeout(timer.current);
      // Leaving the page inside the app: save what is unsaved.
      exit();
    };
  }, [flush, parse]);

  const handleSubmit = useCallback(
    (e?: FormEvent) => {
      e?.preventDefault();
      if (changes.current === 0 && !stopped.current) {
        setStatus((s) => (s.kind === 'idle' ? { kind: 'saved', at: new Date() } : s));
        return;
      }
      void flush(true);
    },
    [flush],
  );

  const showErrors = useCallback((err: ApiError, fields: FieldErrors) => {
    setFormError(err);
    setErrors(fields);
    setSubmitCount((n) => n + 1);
  }, []);

  const fieldId = useCallback((name: string) => `${opts.id}-${name.replace(/\./g, '-')}`, [opts.id]);
  const reset = useCallback((v: V) => {
    setValues(v);
    valuesRef.current = v;
    changes.current = 0;
    stopped.current = false;
    setErrors({});
    setFormError(null);
    setSubmitCount(0);
    setStatus({ kind: 'idle' });
  }, []);
  const fieldOrder = useMemo(() => Object.keys(opts.initial), [opts.initial]);
  return { id: opts.id, values, errors, formError, submitting: status.kind === 'saving', submitCount, set, reset, fieldId, handleSubmit, fieldOrder, status, restored: back.restored, flush, showErrors };
}
