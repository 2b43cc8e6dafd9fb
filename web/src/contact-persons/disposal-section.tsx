// Gallring: declined and withdrawn applicants are removed after the configured months. A dry run first lists how
// many would go (and the records that go with them); removing needs the dry run's count and a confirmation, and is
// refused if the count has changed since. The log keeps only the counts and who ran it.
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { z } from 'zod';
import type { disposalOut } from '../../../src/contact-persons/schema';
import { api } from '../platform/api';
import { ConfirmDialog } from '../platform/dialog';
import { Button, ButtonRow, Notice, Section } from '../platform/ui';

type Result = z.infer<typeof disposalOut>;

/** The records that go with the applicants, in plain words (only kinds with any). */
const applications = (n: number) => `${n} ${n === 1 ? 'ansökan' : 'ansökningar'}`;

function details(r: Result): string[] {
  const rows: [number, string][] = [
    [r.declined, 'med avslag (ej antagna)'],
    [r.withdrawn, 'som tog tillbaka sin ansökan'],
    [r.steps, 'intervjuer och andra steg'],
    [r.references, 'referenser'],
    [r.registerChecks, 'uppgifter om registerkontroll'],
    [r.pauses, 'pauser'],
    [r.paymentDetails, 'bankuppgifter'],
    [r.portalInvites, 'inbjudningar till portalen'],
  ];
  return rows.filter(([n]) => n > 0).map(([n, label]) => `${n} ${label}`);
}

export function DisposalSection() {
  const qc = useQueryClient();
  const [result, setResult] = useState<Result | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const run = (dryRun: boolean) => {
    setBusy(true);
    setError(null);
    api<Result>('/contact-persons/disposal', { body: dryRun ? { dryRun } : { dryRun, expectedCount: result?.count ?? 0 } })
      .then((r) => {
        setResult(r);
        if (!dryRun) void qc.invalidateQueries({ queryKey: ['contact-persons'] });
      })
      .catch((e: unknown) => {
        setResult(null);
        setError(e instanceof Error ? e.message : 'Gallringen gick inte att köra.');
      })
      .finally(() => {
        setBusy(false);
        setConfirming(false);
      });
  };
  const title = !result
    ? ''
    : result.dryRun
      ? result.count === 0
        ? `Inga ansökningar är äldre än ${result.months} månader. Det finns inget att gallra.`
        : `${applications(result.count)} avslutades ${result.cutoff} eller tidigare och kan gallras. Inget är borttaget än.`
      : `${applications(result.count)} ${result.count === 1 ? 'är borttagen' : 'är borttagna'}.`;
  return (
    <Section title="Gallring" id="disposal">
      <p>Uppgifter om sökande som fått avslag eller tagit tillbaka sin ansökan tas bort efter en tid. Provkör först för att se vad som skulle tas bort.</p>
      <ButtonRow>
        <Button variant="secondary" isDisabled={busy} onPress={() => run(true)}>
          Provkör gallring
        </Button>
        {result?.dryRun && result.count > 0 && (
          <Button variant="danger" isDisabled={busy} onPress={() => setConfirming(true)}>
            Gallra {applications(result.count)}
          </Button>
        )}
      </ButtonRow>
      {error && <Notice tone="error" live title={error} />}
      {result && (
        <Notice tone={result.dryRun ? 'info' : 'success'} live title={title}>
          {result.count > 0 && (
            <ul>
              {details(result).map((d) => (
                <li key={d}>{d}</li>
              ))}
            </ul>
          )}
        </Notice>
      )}
      <ConfirmDialog
        isOpen={confirming}
        onClose={() => setConfirming(false)}
        onConfirm={() => run(false)}
        title={`Gallra ${applications(result?.count ?? 0)}?`}
        confirmLabel="Ja, ta bort dem"
        pending={busy}
      >
        <p>Uppgifterna tas bort för gott. I loggen sparas bara antalen och att du gjorde gallringen.</p>
      </ConfirmDialog>
    </Section>
  );
}
