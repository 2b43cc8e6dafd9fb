// Administration: the rate table per year (/admin/arvoden). Each year has its prisbasbelopp and rounding, and the
// municipality's levels with arvode and omkostnad per month — entered in kronor or derived from a share of the pbb.
// A month is always paid from its own year's table; a year that has passed is corrected only with a reason.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { formatKronor, ROUNDINGS, roundingLabel } from '../../../src/payments/rules';
import { rateLevelBody, rateLevelDeleteBody, rateLevelUpdateBody, rateYearBody, rateYearUpdateBody, type RateLevelOut, type RateTableOut, type RateYearOut } from '../../../src/payments/schema';
import { api } from '../platform/api';
import { ModalDialog } from '../platform/dialog';
import { ActionNotice, useActionNotice, type ActionNoticeApi } from '../platform/flash';
import { CheckboxInput, EditForm, RadioInput, TextAreaInput, TextInput, useForm, useVersionedForm } from '../platform/form';
import { Page } from '../platform/page';
import { ErrorState, Loading } from '../platform/states';
import { DataTable } from '../platform/table';
import { Badge, Button, ButtonRow, Section, SummaryList } from '../platform/ui';

const KEY = ['admin', 'rates'];
const roundingOptions = ROUNDINGS.map((value) => ({ value, label: roundingLabel[value] }));
const thisYear = new Date().getFullYear();

/** Öre as kronor for a form field: "1234" or "1234,50". */
const kronorField = (ore: number | null) => (ore === null ? '' : `${Math.floor(ore / 100)}${ore % 100 ? `,${String(ore % 100).padStart(2, '0')}` : ''}`);
const blankToNull = (s: string) => (s.trim() === '' ? null : s.trim());
const permille = (s: string) => (s.trim() === '' ? null : /^\d+$/.test(s.trim()) ? Number(s.trim()) : s.trim());

export function RatesPage() {
  const q = useQuery({ queryKey: KEY, queryFn: () => api<RateTableOut>('/admin/rates') });
  const notice = useActionNotice();
  const [adding, setAdding] = useState(false);
  return (
    <Page
      title="Arvoden och omkostnader"
      breadcrumbs={[{ label: 'Start', href: '/' }]}
      lead="Kommunens arvodestabell per år. Ett uppdrag pekar på en nivå, och varje månad betalas enligt det årets tabell. En ny tabell ändrar därför aldrig månader som redan har varit."
      actions={
        !adding && (
          <Button variant="secondary" onPress={() => setAdding(true)}>
            Lägg till år
          </Button>
        )
      }
    >
      <ActionNotice notice={notice} />
      {adding && (
        <Section title="Lägg till år" id="new-year">
          <YearForm
            onDone={(m) => {
              setAdding(false);
              if (m) notice.show(m);
            }}
          />
        </Section>
      )}
      {q.isPending && <Loading label="Hämtar arvodestabellen" />}
      {q.isError && <ErrorState error={q.error} onRetry={() => void q.refetch()} />}
      {q.data?.years.map((y) => <YearSection key={y.year} y={y} notice={notice} />)}
    </Page>
  );
}

function YearForm({ onDone }: { onDone: (message: string | null) => void }) {
  const qc = useQueryClient();
  const form = useForm({
    id: 'year-new',
    initial: { year: String(thisYear + 1), prisbasbelopp: '', rounding: 'krona', copyPrevious: true },
    schema: rateYearBody,
    toBody: (v) => ({ year: Number(v.year) || v.year, prisbasbelopp: Number(v.prisbasbelopp.replace(/\s/g, '')) || v.prisbasbelopp, rounding: v.rounding, copyPrevious: v.copyPrevious }),
    onSubmit: async (body) => {
      const y = await api<RateYearOut>('/admin/rates', { body });
      await qc.invalidateQueries({ queryKey: KEY });
      onDone(`Tabellen för ${y.year} är sparad.`);
    },
  });
  return (
    <EditForm form={form} aria-label="Lägg till år" onReload={() => void qc.invalidateQueries({ queryKey: KEY })} onCancel={() => onDone(null)}>
      <TextInput name="year" label="År" width="s" inputMode="numeric" autoComplete="off" />
      <TextInput name="prisbasbelopp" label="Prisbasbelopp (kronor)" hint="Till exempel 59 200." width="m" inputMode="numeric" autoComplete="off" />
      <RadioInput name="rounding" label="Avrundning av belopp från andelar" options={roundingOptions} />
      <CheckboxInput name="copyPrevious" label="Kopiera nivåerna från föregående år" hint="Belopp som räknas från en andel räknas om med det nya prisbasbeloppet." />
    </EditForm>
  );
}

function YearSection({ y, notice }: { y: RateYearOut; notice: ActionNoticeApi }) {
  const [editYear, setEditYear] = useState(false);
  const [level, setLevel] = useState<RateLevelOut | 'new' | null>(null);
  const [removing, setRemoving] = useState<RateLevelOut | null>(null);
  const done = (close: () => void) => (m: string | null) => {
    close();
    if (m) notice.show(m);
  };
  return (
    <Section
      title={String(y.year)}
      id={`year-${y.year}`}
      actions={
        <ButtonRow>
          <Button variant="secondary" onPress={() => setEditYear(true)} aria-label={`Ändra prisbasbelopp ${y.year}`}>
            Ändra prisbasbelopp
          </Button>
          <Button variant="secondary" onPress={() => setLevel('new')} aria-label={`Lägg till nivå ${y.year}`}>
            Lägg till nivå
          </Button>
        </ButtonRow>
      }
    >
      {y.past && <Badge>Året har passerat: ändringar kräver ett skäl</Badge>}
      <SummaryList
        rows={[
          ['Prisbasbelopp', formatKronor(y.prisbasbelopp * 100)],
          ['Avrundning', y.roundingLabel],
        ]}
      />
      <DataTable
        label={`Nivåer ${y.year}`}
        columns={[
          { id: 'name', label: 'Nivå', isRowHeader: true, render: (l) => (
              <>
                {l.name} <code>{l.code}</code>
                {l.description && <span className="muted block">{l.description}</span>}
              </>
            ) },
          { id: 'arvode', label: 'Arvode per månad', align: 'end', render: (l) => amount(l.arvode, l.arvodeSharePermille) },
          { id: 'omkostnad', label: 'Omkostnad per månad', align: 'end', render: (l) => amount(l.omkostnad, l.omkostnadSharePermille) },
          { id: 'extra', label: 'Per tillfälle / mil', render: (l) => `${l.perOccasion === null ? '–' : formatKronor(l.perOccasion)} / ${l.mileagePerMil === null ? '–' : formatKronor(l.mileagePerMil)}` },
          {
            id: 'actions',
            label: 'Åtgärd',
            render: (l) => (
              <ButtonRow>
                <Button variant="secondary" onPress={() => setLevel(l)} aria-label={`Ändra ${l.name} ${y.year}`}>
                  Ändra
                </Button>
                {l.inUse ? (
                  <Badge tone="info">Används</Badge>
                ) : (
                  <Button variant="secondary" onPress={() => setRemoving(l)} aria-label={`Ta bort ${l.name} ${y.year}`}>
                    Ta bort
                  </Button>
                )}
              </ButtonRow>
            ),
          },
        ]}
        rows={y.levels}
        empty="Året har inga nivåer än."
      />
      <ModalDialog isOpen={editYear} onClose={() => setEditYear(false)} title={`Ändra prisbasbelopp ${y.year}`}>
        {editYear && <YearEditForm y={y} onDone={done(() => setEditYear(false))} />}
      </ModalDialog>
      <ModalDialog isOpen={level !== null} onClose={() => setLevel(null)} title={level === 'new' ? `Lägg till nivå ${y.year}` : `Ändra ${level?.name ?? ''} ${y.year}`}>
        {level !== null && <LevelForm y={y} level={level === 'new' ? undefined : level} onDone={done(() => setLevel(null))} />}
      </ModalDialog>
      <ModalDialog isOpen={removing !== null} onClose={() => setRemoving(null)} title={`Ta bort ${removing?.name ?? ''} ${y.year}?`}>
        {removing && <RemoveForm y={y} level={removing} onDone={done(() => setRemoving(null))} />}
      </ModalDialog>
    </Section>
  );
}

function amount(ore: number, share: number | null) {
  return (
    <>
      {formatKronor(ore)}
      {share !== null && <span className="muted block">{`${(share / 10).toLocaleString('sv-SE')} % av prisbasbeloppet per år`}</span>}
    </>
  );
}

function ReasonField({ y }: { y: RateYearOut }) {
  if (!y.past) return null;
  return <TextAreaInput name="reason" label="Varför rättas tabellen?" hint={`${y.year} har passerat. Ändringen gäller månader som kan vara utbetalda. Skriv inga personuppgifter.`} rows={2} />;
}

function YearEditForm({ y, onDone }: { y: RateYearOut; onDone: (m: string | null) => void }) {
  const qc = useQueryClient();
  const reload = () => {
    void qc.invalidateQueries({ queryKey: KEY });
    onDone(null);
  };
  const form = useVersionedForm(
    {
      id: `year-${y.year}-edit`,
      initial: { prisbasbelopp: String(y.prisbasbelopp), rounding: y.rounding as string, reason: '' },
      schema: rateYearUpdateBody,
      toBody: (v) => ({ prisbasbelopp: Number(v.prisbasbelopp.replace(/\s/g, '')) || v.prisbasbelopp, rounding: v.rounding, reason: blankToNull(v.reason) }),
    },
    y.version,
    async (body) => {
      await api(`/admin/rates/${y.year}`, { method: 'PATCH', body });
      await qc.invalidateQueries({ queryKey: KEY });
      onDone(`Prisbasbeloppet för ${y.year} är sparat. Nivåer med andelar är omräknade.`);
    },
  );
  return (
    <EditForm form={form} aria-label={`Ändra prisbasbelopp ${y.year}`} onReload={reload} onCancel={() => onDone(null)}>
      <TextInput name="prisbasbelopp" label="Prisbasbelopp (kronor)" width="m" inputMode="numeric" autoComplete="off" />
      <RadioInput name="rounding" label="Avrundning av belopp från andelar" options={roundingOptions} />
      <ReasonField y={y} />
    </EditForm>
  );
}

function LevelForm({ y, level, onDone }: { y: RateYearOut; level?: RateLevelOut; onDone: (m: string | null) => void }) {
  const qc = useQueryClient();
  const reload = () => {
    void qc.invalidateQueries({ queryKey: KEY });
    onDone(null);
  };
  const l = level;
  const form = useVersionedForm(
    {
      id: `level-${y.year}-${l ? 'edit' : 'new'}`,
      initial: {
        code: l?.code ?? '',
        name: l?.name ?? '',
        description: l?.description ?? '',
        arvodeKronor: l && l.arvodeSharePermille === null ? kronorField(l.arvode) : '',
        arvodeSharePermille: l?.arvodeSharePermille == null ? '' : String(l.arvodeSharePermille),
        omkostnadKronor: l && l.omkostnadSharePermille === null ? kronorField(l.omkostnad) : '',
        omkostnadSharePermille: l?.omkostnadSharePermille == null ? '' : String(l.omkostnadSharePermille),
        perOccasionKronor: kronorField(l?.perOccasion ?? null),
        mileagePerMilKronor: kronorField(l?.mileagePerMil ?? null),
        reason: '',
      },
      schema: (l ? rateLevelUpdateBody : rateLevelBody) as typeof rateLevelBody,
      toBody: (v) => ({
        code: v.code.trim(),
        name: v.name,
        description: v.description,
        arvodeKronor: blankToNull(v.arvodeKronor),
        arvodeSharePermille: permille(v.arvodeSharePermille),
        omkostnadKronor: blankToNull(v.omkostnadKronor),
        omkostnadSharePermille: permille(v.omkostnadSharePermille),
        perOccasionKronor: blankToNull(v.perOccasionKronor),
        mileagePerMilKronor: blankToNull(v.mileagePerMilKronor),
        reason: blankToNull(v.reason),
      }),
    },
    l?.version,
    async (body) => {
      const saved = l ? await api<RateLevelOut>(`/admin/rate-levels/${l.id}`, { method: 'PATCH', body }) : await api<RateLevelOut>(`/admin/rates/${y.year}/levels`, { body });
      await qc.invalidateQueries({ queryKey: KEY });
      onDone(`${saved.name} ${y.year} är sparad.`);
    },
  );
  const share = `Eller en andel av prisbasbeloppet i promille per år, till exempel 200 för 20 %. Beloppet räknas ut och avrundas.`;
  return (
    <EditForm form={form} aria-label={l ? `Ändra ${l.name} ${y.year}` : `Lägg till nivå ${y.year}`} onReload={reload} onCancel={() => onDone(null)}>
      <TextInput name="code" label="Kod" hint="Små bokstäver och siffror, till exempel niva3. Uppdragen sparar koden." width="m" autoComplete="off" isDisabled={l?.inUse} />
      <TextInput name="name" label="Namn" hint="Till exempel Nivå 3." width="l" autoComplete="off" />
      <TextInput name="description" label="Beskrivning" optional width="full" autoComplete="off" />
      <TextInput name="arvodeKronor" label="Arvode per månad (kronor)" hint="Till exempel 1 234 eller 1 234,50." optional width="m" autoComplete="off" />
      <TextInput name="arvodeSharePermille" label="Arvode som andel (‰)" hint={share} optional width="s" inputMode="numeric" autoComplete="off" />
      <TextInput name="omkostnadKronor" label="Omkostnad per månad (kronor)" optional width="m" autoComplete="off" />
      <TextInput name="omkostnadSharePermille" label="Omkostnad som andel (‰)" hint={share} optional width="s" inputMode="numeric" autoComplete="off" />
      <TextInput name="perOccasionKronor" label="Ersättning per tillfälle (kronor)" optional width="m" autoComplete="off" />
      <TextInput name="mileagePerMilKronor" label="Milersättning (kronor per mil)" optional width="m" autoComplete="off" />
      <ReasonField y={y} />
    </EditForm>
  );
}

function RemoveForm({ y, level, onDone }: { y: RateYearOut; level: RateLevelOut; onDone: (m: string | null) => void }) {
  const qc = useQueryClient();
  const reload = () => {
    void qc.invalidateQueries({ queryKey: KEY });
    onDone(null);
  };
  const form = useForm({
    id: `level-remove-${level.id}`,
    initial: { reason: '' },
    schema: rateLevelDeleteBody,
    toBody: (v) => ({ version: level.version, reason: blankToNull(v.reason) }),
    onSubmit: async (body) => {
      await api(`/admin/rate-levels/${level.id}`, { method: 'DELETE', body });
      await qc.invalidateQueries({ queryKey: KEY });
      onDone(`${level.name} ${y.year} är borttagen.`);
    },
  });
  return (
    <EditForm form={form} aria-label={`Ta bort ${level.name} ${y.year}`} submitLabel="Ta bort" onReload={reload} onCancel={() => onDone(null)}>
      <p>Nivån används inte av något uppdrag {y.year}.</p>
      <ReasonField y={y} />
    </EditForm>
  );
}
