// Gallring: declined and withdrawn applicants are removed after the configured months. Dry run first (a count),
// then remove; the log keeps only the count.
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../platform/api';
import { Button, ButtonRow, Notice, Section } from '../platform/ui';

type Result = { dryRun: boolean; count: number; months: number };

export function DisposalSection() {
  const qc = useQueryClient();
  const [result, setResult] = useState<Result | null>(null);
  const [busy, setBusy] = useState(false);
  const run = (dryRun: boolean) => {
    setBusy(true);
    api<Result>('/contact-persons/disposal', { body: { dryRun } })
      .then((r) => {
        setResult(r);
        if (!dryRun) void qc.invalidateQueries({ queryKey: ['contact-persons'] });
      })
      .finally(() => setBusy(false));
  };
  return (
    <Section title="Gallring" id="disposal">
      <p>Uppgifter om sökande som fått avslag eller tagit tillbaka sin ansökan tas bort efter en tid. Provkör först för att se hur många det gäller.</p>
      <ButtonRow>
        <Button variant="secondary" isDisabled={busy} onPress={() => run(true)}>
          Provkör gallring
        </Button>
        {result?.dryRun && result.count > 0 && (
          <Button variant="secondary" isDisabled={busy} onPress={() => run(false)}>
            Gallra {result.count} ansökningar
          </Button>
        )}
      </ButtonRow>
      {result && (
        <Notice tone={result.dryRun ? 'info' : 'success'} live title={result.dryRun ? `${result.count} ansökningar är äldre än ${result.months} månader och kan gallras.` : `${result.count} ansökningar är borttagna.`} />
      )}
    </Section>
  );
}
