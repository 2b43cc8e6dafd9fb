// The investigation form (/arenden/:id/utredning): the need, other sources, living and household, personkrets (LSS)
// or the municipality's criteria and exclusions (SoL), the wishes, and the eligibility warnings with the reasons to
// go on. The draft saves itself (autosave-form.ts); a colleague's save in between is a conflict the page explains.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useParams } from 'react-router';
import { CASE_NOT_FOUND_MESSAGE } from '../../../src/intake/labels';
import { parseIdentityNumber } from '../../../src/people/identity-number';
import {
  draftProblems,
  LIVING_SITUATIONS,
  livingSituationLabel,
  OTHER_SOURCES,
  otherSourceLabel,
  SOURCE_ANSWERS,
  sourceAnswerLabel,
  WISHED_GENDERS,
  wishedGenderLabel,
  warningTopic,
} from '../../../src/investigation/rules';
import { investigationBody, type InvestigationInput } from '../../../src/investigation/schema';
import { api, isApiError, type ApiError } from '../platform/api';
import { today } from '../platform/dates';
import { ActionNotice, useActionNotice } from '../platform/flash';
import { CheckboxInput, DateInput, FieldGroup, Form, RadioInput, TextAreaInput, TextInput, type FieldErrors } from '../platform/form';
import { Page } from '../platform/page';
import { Loading, NotFoundOrForbidden, PageError } from '../platform/states';
import { Badge, Button, ButtonRow, Link, Notice, Section, SummaryList } from '../platform/ui';
import { caseQueryKey, personkretsGroupOptions } from '../intake/api';
import { investigationQueryKey, type Investigation } from './api';
import { useAutosaveForm, type AutosaveForm, type SaveStatus } from './autosave-form';

export function InvestigationPage() {
  const { id = '' } = useParams();
  const q = useQuery({ queryKey: investigationQueryKey(id), queryFn: () => api<Investigation>(`/cases/${encodeURIComponent(id)}/investigation`), staleTime: 0 });
  // The form is set up from the data once; a reload after a conflict sets it up again.
  const [loadKey, setLoadKey] = useState(0);
  if (q.isPending) return <Loading label="Hämtar utredningen" />;
  if (q.isError) {
    if (isApiError(q.error) && [400, 403, 404].includes(q.error.status)) return <NotFoundOrForbidden what="case" message={CASE_NOT_FOUND_MESSAGE} />;
    return <PageError error={q.error} />;
  }
  return (
    <InvestigationView
      key={loadKey}
      inv={q.data}
      reload={async () => {
        await q.refetch();
        setLoadKey((k) => k + 1);
      }}
    />
  );
}

type V = Record<string, unknown>;
const list = (s: unknown) =>
  String(s ?? '')
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

function valuesOf(inv: Investigation): V {
  const f = inv.form;
  const v: V = {
    needInOwnWords: f.needInOwnWords ?? '',
    assessment: f.assessment ?? '',
  };
  for (const s of OTHER_SOURCES) {
    v[`otherSources.${s}`] = f.otherSources[s]?.answer ?? '';
    v[`otherSources.${s}.note`] = f.otherSources[s]?.note ?? '';
  }
  v.livingSituation = f.livingSituation ?? '';
  v.livingSituationNote = f.livingSituationNote ?? '';
  v.residenceName = f.residenceName ?? '';
  v.householdCount = f.householdMembers.length;
  f.householdMembers.forEach((m, i) => {
    v[`householdMembers.${i}.name`] = m.name;
    v[`householdMembers.${i}.relation`] = m.relation ?? '';
    v[`householdMembers.${i}.identityNumber`] = m.identityNumber ?? '';
  });
  v.personkretsGroup = f.personkretsGroup ? String(f.personkretsGroup) : '';
  v.personkretsDocumentation = f.personkretsDocumentation ?? '';
  v.personkretsDocumentationDate = f.personkretsDocumentationDate ?? '';
  for (const c of inv.solCriteria) {
    v[`solCriteria.${c.code}`] = f.solCriteria[c.code]?.answer ?? '';
    v[`solCriteria.${c.code}.note`] = f.solCriteria[c.code]?.note ?? '';
  }
  for (const e of inv.solExclusions) v[`solExclusions.${e.code}`] = f.solExclusions.includes(e.code);
  v.wishedGender = f.wishedGender ?? '';
  v.wishedGenderRequired = f.wishedGenderRequired;
  v.wishedAgeMin = f.wishedAgeMin === null ? '' : String(f.wishedAgeMin);
  v.wishedAgeMax = f.wishedAgeMax === null ? '' : String(f.wishedAgeMax);
  v.wishedInterests = f.wishedInterests.join(', ');
  v.wishedLanguages = f.wishedLanguages.join(', ');
  v.wishesOther = f.wishesOther ?? '';
  for (const [code, reason] of Object.entries(f.warningReasons)) v[`warningReasons.${code}`] = reason;
  return v;
}

const number = (s: unknown) => {
  const t = String(s ?? '').trim();
  return t === '' ? null : /^\d+$/.test(t) ? Number(t) : t;
};
const text = (s: unknown) => String(s ?? '');

function bodyOf(inv: Investigation, v: V) {
  const answer = (key: string) => (v[key] ? { answer: v[key], note: text(v[`${key}.note`]) } : null);
  const count = Number(v.householdCount ?? 0);
  return {
    needInOwnWords: text(v.needInOwnWords),
    assessment: text(v.assessment),
    otherSources: Object.fromEntries(OTHER_SOURCES.map((s) => [s, answer(`otherSources.${s}`)])),
    livingSituation: v.livingSituation || null,
    livingSituationNote: text(v.livingSituationNote),
    residenceName: text(v.residenceName),
    householdMembers: Array.from({ length: count }, (_, i) => ({
      name: text(v[`householdMembers.${i}.name`]),
      relation: text(v[`householdMembers.${i}.relation`]),
      identityNumber: text(v[`householdMembers.${i}.identityNumber`]),
    })),
    personkretsGroup: v.personkretsGroup ? Number(v.personkretsGroup) : null,
    personkretsDocumentation: text(v.personkretsDocumentation),
    personkretsDocumentationDate: text(v.personkretsDocumentationDate).trim() || null,
    solCriteria: Object.fromEntries(inv.solCriteria.flatMap((c) => (v[`solCriteria.${c.code}`] ? [[c.code, answer(`solCriteria.${c.code}`)]] : []))),
    solExclusions: inv.solExclusions.filter((e) => v[`solExclusions.${e.code}`] === true).map((e) => e.code),
    wishedGender: v.wishedGender || null,
    wishedGenderRequired: v.wishedGenderRequired === true,
    wishedAgeMin: number(v.wishedAgeMin),
    wishedAgeMax: number(v.wishedAgeMax),
    wishedInterests: list(v.wishedInterests),
    wishedLanguages: list(v.wishedLanguages),
    wishesOther: text(v.wishesOther),
    warningReasons: Object.fromEntries(Object.entries(v).flatMap(([k, x]) => (k.startsWith('warningReasons.') && text(x).trim() ? [[k.slice('warningReasons.'.length), text(x)]] : []))),
  };
}

/** A problem's path → the field it belongs to ("wishedInterests.2" → "wishedInterests"; an answer's object → its radio). */
function fieldOf(path: string): string {
  const p = path.replace(/^body[./]/, '');
  if (/^(wishedInterests|wishedLanguages|solExclusions)\./.test(p)) return p.split('.')[0];
  return p.replace(/^(otherSources|solCriteria)\.([\w-]+)\.answer$/, '$1.$2');
}

const timeOf = (d: Date) => d.toLocaleTimeString('sv-SE', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Stockholm' });

function StatusLine({ status }: { status: SaveStatus }) {
  const message =
    status.kind === 'saving'
      ? 'Sparar …'
      : status.kind === 'saved'
        ? `Sparat ${timeOf(status.at)}`
        : status.kind === 'dirty'
          ? 'Ändringar sparas strax …'
          : status.kind === 'invalid'
            ? 'Inte sparat: rätta fälten som är markerade.'
            : status.kind === 'failed'
              ? `Inte sparat: ${status.message}`
              : status.kind === 'conflict'
                ? 'Inte sparat: någon annan har ändrat utredningen.'
                : 'Utkastet sparas av sig självt medan du skriver.';
  return (
    <p className={`save-status${status.kind === 'invalid' || status.kind === 'conflict' || status.kind === 'failed' ? ' field-error' : ' muted'}`} role="status" aria-live="polite">
      {message}
    </p>
  );
}

function InvestigationView({ inv: initial, reload }: { inv: Investigation; reload: () => Promise<void> }) {
  const qc = useQueryClient();
  const notice = useActionNotice();
  const [inv, setInv] = useState(initial);
  const versionRef = useRef(initial.version);
  const [initialValues] = useState(() => valuesOf(initial));
  const readOnly = !inv.abilities.canEdit;
  const accept = (saved: Investigation) => {
    versionRef.current = saved.version;
    setInv(saved);
    qc.setQueryData(investigationQueryKey(saved.caseId), saved);
    void qc.invalidateQueries({ queryKey: caseQueryKey(saved.caseId), exact: true });
  };
  const form = useAutosaveForm<V, InvestigationInput>({
    id: 'investigation',
    initial: initialValues,
    schema: investigationBody,
    toBody: (v) => ({ version: versionRef.current, ...bodyOf(inv, v) }),
    fieldOf,
    check: (body) => {
      const errs: FieldErrors = {};
      for (const p of draftProblems(body, today(), { solCriteria: inv.solCriteria, solExclusions: inv.solExclusions })) errs[p.path] ??= p.message;
      body.householdMembers.forEach((m, i) => {
        if (m.identityNumber) {
          const r = parseIdentityNumber(m.identityNumber, today());
          if (!r.ok) errs[`householdMembers.${i}.identityNumber`] = r.message;
        }
      });
      return errs;
    },
    save: async (body) => accept(await api<Investigation>(`/cases/${inv.caseId}/investigation`, { method: 'PUT', body: { ...body, version: versionRef.current } })),
    saveOnExit: async (body) => {
      // keepalive: the request outlives a closed tab; a 401 here also sends the user to sign in again.
      await api<Investigation>(`/cases/${inv.caseId}/investigation`, { method: 'PUT', body: { ...body, version: versionRef.current }, keepalive: true });
      void qc.invalidateQueries({ queryKey: investigationQueryKey(inv.caseId) });
    },
    strandKey: `investigation:${inv.caseId}`,
    basis: () => versionRef.current,
  });

  const complete = async () => {
    if (!(await form.flush(true))) return;
    try {
      const done = await api<Investigation>(`/cases/${inv.caseId}/investigation/complete`, { body: { version: versionRef.current } });
      accept(done);
      notice.show('Utredningen är klar. Nu kan ärendet beslutas.');
    } catch (e) {
      if (!isApiError(e)) throw e;
      const fields: FieldErrors = {};
      for (const f of e.fields) fields[fieldOf(f.path)] ??= f.message;
      form.showErrors(e as ApiError, fields);
    }
  };

  const caseHref = `/arenden/${inv.caseId}`;
  return (
    <Page
      title={`Utredning ${inv.caseNumber}`}
      breadcrumbs={[
        { label: 'Start', href: '/' },
        { label: 'Ärenden', href: '/arenden' },
        { label: `Ärende ${inv.caseNumber}`, href: caseHref },
      ]}
      tags={
        <>
          <Badge>{inv.route === 'LSS' ? 'LSS' : 'SoL'}</Badge>
          {inv.completedDate ? <Badge tone="success">Klar {inv.completedDate}</Badge> : <Badge tone="info">Utkast</Badge>}
        </>
      }
      lead={
        <>
          {inv.personName}. <Link href={caseHref}>Tillbaka till ärendet</Link>
        </>
      }
    >
      <ActionNotice notice={notice} />
      {readOnly && !inv.completedDate && <Notice tone="info" title="Du kan läsa utredningen men inte ändra den." />}
      {form.restored === 'restored' && (
        <Notice tone="info" title="Det du skrev innan du loggades ut finns kvar" live>
          <p>Det sparas nu. Kontrollera att allt stämmer.</p>
        </Notice>
      )}
      {form.restored === 'outdated' && (
        <Notice tone="error" title="Det du skrev innan du loggades ut är inte sparat" live>
          <p>Någon annan har ändrat utredningen sedan dess. Här visas den senaste versionen. Skriv in dina ändringar igen.</p>
        </Notice>
      )}
      {form.status.kind === 'conflict' && (
        <Notice tone="error" title="Någon annan har ändrat utredningen medan du skrev" live>
          <p>Dina senaste ändringar är inte sparade. Kopiera det du vill behålla. Hämta sedan den senaste versionen och skriv in dina ändringar igen.</p>
          <Button variant="secondary" onPress={() => void reload()}>
            Hämta den senaste versionen
          </Button>
        </Notice>
      )}
      {readOnly ? <ReadOnlyView inv={inv} /> : <EditView inv={inv} form={form} onComplete={() => void complete()} onReload={() => void reload()} />}
    </Page>
  );
}

function EditView({ inv, form, onComplete, onReload }: { inv: Investigation; form: AutosaveForm<V>; onComplete: () => void; onReload: () => void }) {
  const count = Number(form.values.householdCount ?? 0);
  const removeMember = (i: number) => {
    for (let j = i; j < count - 1; j++) {
      for (const f of ['name', 'relation', 'identityNumber']) form.set(`householdMembers.${j}.${f}`, form.values[`householdMembers.${j + 1}.${f}`]);
    }
    form.set('householdCount', count - 1);
  };
  return (
    <Form form={form} aria-label="Utredning" onReload={onReload} className="investigation-form">
      <StatusLine status={form.status} />
      <Section title="Behovet" id="need">
        <TextAreaInput name="needInOwnWords" label="Behovet med personens egna ord" optional rows={4} />
        <TextAreaInput name="assessment" label="Din bedömning" optional rows={4} />
      </Section>
      <Section title="Tillgodoses behovet på annat sätt?" id="sources">
        <p>Svara för varje källa. Utredningen kan inte bli klar förrän alla är besvarade.</p>
        {OTHER_SOURCES.map((s) => (
          <div key={s} className="answer-row">
            <RadioInput name={`otherSources.${s}`} label={otherSourceLabel[s]} inline options={SOURCE_ANSWERS.map((a) => ({ value: a, label: sourceAnswerLabel[a] }))} />
            <TextInput name={`otherSources.${s}.note`} label={`Kommentar om ${otherSourceLabel[s].toLowerCase()}`} optional />
          </div>
        ))}
      </Section>
      <Section title="Boende och hushåll" id="living">
        <RadioInput name="livingSituation" label="Hur bor personen?" optional options={LIVING_SITUATIONS.map((l) => ({ value: l, label: livingSituationLabel[l] }))} />
        <TextInput name="residenceName" label="Boendets namn" hint="Om personen bor i gruppbostad eller serviceboende. Den som arbetar där föreslås aldrig som kontaktperson." optional width="l" />
        <TextInput name="livingSituationNote" label="Kommentar om boendet" optional />
        <h3>Personer i hushållet</h3>
        <p className="hint">De kan aldrig bli personens kontaktperson.</p>
        {Array.from({ length: count }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the rows are addressed by position in the form's values.
          <FieldGroup key={i} legend={`Person ${i + 1} i hushållet`}>
            <TextInput name={`householdMembers.${i}.name`} label="Namn" />
            <TextInput name={`householdMembers.${i}.relation`} label="Relation till personen" optional width="m" />
            <TextInput name={`householdMembers.${i}.identityNumber`} label="Personnummer" optional width="m" hint="Om det är känt. Skriv 12 siffror, till exempel 19850314-1234." />
            <Button variant="secondary" onPress={() => removeMember(i)}>
              Ta bort person {i + 1}
            </Button>
          </FieldGroup>
        ))}
        <ButtonRow>
          <Button
            variant="secondary"
            onPress={() => {
              form.set(`householdMembers.${count}.name`, '');
              form.set('householdCount', count + 1);
            }}
          >
            Lägg till en person i hushållet
          </Button>
        </ButtonRow>
      </Section>
      {inv.route === 'LSS' ? (
        <Section title="Personkrets (LSS)" id="personkrets">
          <RadioInput name="personkretsGroup" label="Vilken personkrets enligt 1 § LSS?" optional options={personkretsGroupOptions} />
          <TextAreaInput name="personkretsDocumentation" label="Vilket underlag visar personkretsen?" optional rows={2} hint="Till exempel läkarintyg eller utlåtande från habiliteringen." />
          <DateInput name="personkretsDocumentationDate" label="Datum då underlaget kom in" optional />
        </Section>
      ) : (
        <Section title="Kommunens kriterier (SoL)" id="criteria">
          {inv.solCriteria.map((c) => (
            <div key={c.code} className="answer-row">
              <RadioInput name={`solCriteria.${c.code}`} label={c.label} inline options={[{ value: 'yes', label: 'Ja' }, { value: 'no', label: 'Nej' }]} />
              <TextInput name={`solCriteria.${c.code}.note`} label={`Kommentar: ${c.label.toLowerCase()}`} optional />
            </div>
          ))}
          <FieldGroup legend="Gäller något av detta?" hint="Då kan hemtjänst vara rätt insats i stället för kontaktperson.">
            {inv.solExclusions.map((e) => (
              <CheckboxInput key={e.code} name={`solExclusions.${e.code}`} label={e.label} />
            ))}
          </FieldGroup>
        </Section>
      )}
      <Section title="Önskemål om kontaktperson" id="wishes">
        <RadioInput name="wishedGender" label="Önskat kön" optional inline options={WISHED_GENDERS.map((g) => ({ value: g, label: wishedGenderLabel[g] }))} />
        <CheckboxInput name="wishedGenderRequired" label="Önskemålet om kön är ett krav" />
        <TextInput name="wishedAgeMin" label="Ålder från (år)" optional width="xs" inputMode="numeric" />
        <TextInput name="wishedAgeMax" label="Ålder till (år)" optional width="xs" inputMode="numeric" />
        <TextInput name="wishedInterests" label="Intressen" optional hint="Skilj med kommatecken, till exempel bio, fika, fotboll." />
        <TextInput name="wishedLanguages" label="Språk" optional hint="Skilj med kommatecken." width="m" />
        <TextAreaInput name="wishesOther" label="Andra önskemål" optional rows={2} />
      </Section>
      <Section title="Varningar inför beslut" id="warnings">
        {inv.warnings.length === 0 ? (
          <p>Inga varningar just nu. Varningarna räknas om när utkastet sparas.</p>
        ) : (
          <>
            <p>En varning stoppar inte ärendet. Skriv varför du går vidare. Motiveringen blir en del av utredningen.</p>
            {inv.warnings.map((w) => (
              <div key={w.code} className="warning-reason">
                <Notice tone="warning" title={w.message} />
                <TextAreaInput name={`warningReasons.${w.code}`} label={`Varför går du vidare trots varningen om ${warningTopic[w.code]}?`} rows={2} />
              </div>
            ))}
          </>
        )}
      </Section>
      <ButtonRow>
        <Button type="submit" variant="secondary">
          Spara nu
        </Button>
        <Button variant="primary" onPress={onComplete}>
          Markera utredningen som klar
        </Button>
      </ButtonRow>
    </Form>
  );
}

function ReadOnlyView({ inv }: { inv: Investigation }) {
  const f = inv.form;
  return (
    <>
      <Section title="Behovet" id="need">
        <SummaryList
          rows={[
            ['Med personens egna ord', f.needInOwnWords],
            ['Bedömning', f.assessment],
          ]}
        />
      </Section>
      <Section title="Tillgodoses behovet på annat sätt?" id="sources">
        <SummaryList
          rows={OTHER_SOURCES.map((s) => [otherSourceLabel[s], f.otherSources[s] ? `${sourceAnswerLabel[f.otherSources[s].answer]}${f.otherSources[s].note ? `: ${f.otherSources[s].note}` : ''}` : null])}
        />
      </Section>
      <Section title="Boende och hushåll" id="living">
        <SummaryList
          rows={[
            ['Boende', f.livingSituation ? `${livingSituationLabel[f.livingSituation]}${f.residenceName ? ` (${f.residenceName})` : ''}${f.livingSituationNote ? `: ${f.livingSituationNote}` : ''}` : null],
            ['Hushåll', f.householdMembers.map((m) => [m.name, m.relation].filter(Boolean).join(', ')).join('; ')],
          ]}
        />
      </Section>
      <Section title="Önskemål om kontaktperson" id="wishes">
        <SummaryList
          rows={[
            ['Kön', f.wishedGender ? `${wishedGenderLabel[f.wishedGender]}${f.wishedGenderRequired ? ' (krav)' : ''}` : null],
            ['Ålder', f.wishedAgeMin !== null || f.wishedAgeMax !== null ? `${f.wishedAgeMin ?? '–'} till ${f.wishedAgeMax ?? '–'} år` : null],
            ['Intressen', f.wishedInterests.join(', ')],
            ['Språk', f.wishedLanguages.join(', ')],
            ['Annat', f.wishesOther],
          ]}
        />
      </Section>
      <Section title="Varningar och motiveringar" id="warnings">
        {inv.warnings.length === 0 ? (
          <p>Inga varningar.</p>
        ) : (
          inv.warnings.map((w) => (
            <Notice key={w.code} tone="warning" title={w.message}>
              <p>Motivering: {f.warningReasons[w.code] ?? 'saknas'}</p>
            </Notice>
          ))
        )}
      </Section>
    </>
  );
}
