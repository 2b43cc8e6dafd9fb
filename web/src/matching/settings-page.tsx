// Matchningens vikter (/admin/matchning): points per criterion and the waiting list's priority weights, 0–100.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { criterionLabel, WEIGHT_KEYS } from '../../../src/matching/rules';
import { api, GENERIC_ERROR_MESSAGE, isApiError } from '../platform/api';
import { ActionNotice, useActionNotice } from '../platform/flash';
import { Page } from '../platform/page';
import { ErrorState, Loading } from '../platform/states';
import { Button, Notice } from '../platform/ui';
import type { MatchingSettingsOut } from './api';

type Key = (typeof WEIGHT_KEYS)[number];
const label: Record<Key, string> = {
  ...criterionLabel,
  waited: 'Prioritet: dagar som beslutet har väntat (fullt vid 180 dagar)',
  deadline: 'Prioritet: nära sista dagen för verkställighet (fullt när den har passerat)',
};

export function MatchingSettingsPage() {
  const qc = useQueryClient();
  const notice = useActionNotice();
  const q = useQuery({ queryKey: ['matching', 'settings'], queryFn: () => api<MatchingSettingsOut>('/admin/matching-settings') });
  const [values, setValues] = useState<Record<Key, string> | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (q.data) setValues(Object.fromEntries(WEIGHT_KEYS.map((k) => [k, String(q.data[k])])) as Record<Key, string>);
  }, [q.data]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!q.data || !values) return;
    const body: Record<string, number> = { version: q.data.version };
    for (const k of WEIGHT_KEYS) {
      const n = Number(values[k]);
      if (!Number.isInteger(n) || n < 0 || n > 100) {
        setError(`${label[k]}: skriv ett heltal från 0 till 100.`);
        return;
      }
      body[k] = n;
    }
    try {
      const saved = await api<MatchingSettingsOut>('/admin/matching-settings', { method: 'PUT', body });
      qc.setQueryData(['matching', 'settings'], saved);
      setError(null);
      notice.show('Vikterna är sparade.');
    } catch (err) {
      setError(isApiError(err) ? err.message : GENERIC_ERROR_MESSAGE);
    }
  };
  return (
    <Page title="Vikter för matchning" breadcrumbs={[{ label: 'Start', href: '/' }]} lead="Hur många poäng varje önskemål ger när kandidater rangordnas, och hur mycket väntetiden väger när hela väntelistan fördelas.">
      <ActionNotice notice={notice} />
      {q.isPending && <Loading label="Hämtar vikterna" />}
      {q.isError && <ErrorState error={q.error} onRetry={() => void q.refetch()} />}
      {values && (
        <form onSubmit={(e) => void submit(e)} noValidate>
          {error && <Notice tone="error" live title={error} />}
          <p className="hint" id="w-hint">
            Varje vikt är 0–100 poäng. 0 betyder att det inte räknas alls.
          </p>
          {WEIGHT_KEYS.map((k) => (
            <div className="field" key={k}>
              <label htmlFor={`w-${k}`}>{label[k]}</label>
              <input id={`w-${k}`} className="input w-xs" inputMode="numeric" aria-describedby="w-hint" value={values[k]} onChange={(e) => setValues({ ...values, [k]: e.target.value })} />
            </div>
          ))}
          <Button type="submit">Spara vikterna</Button>
        </form>
      )}
    </Page>
  );
}
