// The catalogue of legal bases: what a decision prints, how it is appealed, whether IVO reporting applies.
import { APPEAL_ROUTES, appealRouteLabel, FEE_RULES, feeRuleLabel, legalBasisBody, legalBasisUpdateBody } from '../../../src/decisions/schema';
import { CheckboxInput, DateInput, EditForm, RadioInput, TextAreaInput, TextInput } from '../platform/form';
import type { ColumnDef } from '../platform/table';
import { Badge } from '../platform/ui';
import { AdminListPage, useAdminForm, type AdminFormProps } from './admin-list-page';
import { routeOptions, type LegalBasis } from './api';

const columns: ColumnDef<LegalBasis>[] = [
  { id: 'code', label: 'Kod', isRowHeader: true, render: (b) => <code>{b.code}</code>, sortValue: (b) => b.code },
  {
    id: 'name',
    label: 'Benämning',
    render: (b) => (
      <>
        {b.name}
        <span className="muted block">
          {b.law}, {b.paragraph}
        </span>
      </>
    ),
    sortValue: (b) => b.name,
  },
  { id: 'appeal', label: 'Överklagas genom', render: (b) => appealRouteLabel[b.appealRoute], sortValue: (b) => b.appealRoute },
  { id: 'ivo', label: 'Rapporteras till IVO', render: (b) => (b.ivoReportable ? 'Ja' : 'Nej'), sortValue: (b) => (b.ivoReportable ? 0 : 1) },
  {
    id: 'valid',
    label: 'Gäller',
    render: (b) => (
      <span className="nowrap">
        {b.validFrom} – {b.validTo ?? 'tills vidare'}
        {b.validTo && b.validTo < new Date().toISOString().slice(0, 10) && (
          <span className="tags">
            <Badge>Upphört</Badge>
          </span>
        )}
      </span>
    ),
    sortValue: (b) => b.validFrom,
  },
];

export function LegalBasesPage() {
  return (
    <AdminListPage<LegalBasis>
      resource="legal-bases"
      title="Rättsliga grunder"
      lead="Ett beslut sparar den rättsliga grund som gällde på beslutsdagen. Ändra därför inte texten i en grund som har använts – lägg i stället till en ny med nytt startdatum och sätt slutdatum på den gamla."
      empty="Katalogen är tom."
      columns={columns}
      noun="rättslig grund"
      newId="new-basis"
      nameOf={(b) => b.code}
      renderForm={(p) => <LegalBasisForm {...p} />}
    />
  );
}

function LegalBasisForm(props: AdminFormProps<LegalBasis>) {
  const b = props.item;
  const { editForm } = useAdminForm(props, {
    id: 'basis',
    initial: {
      code: b?.code ?? '',
      route: b?.route ?? '',
      law: b?.law ?? '',
      paragraph: b?.paragraph ?? '',
      name: b?.name ?? '',
      printText: b?.printText ?? '',
      appealRoute: b?.appealRoute ?? '',
      ivoReportable: b?.ivoReportable ?? false,
      feeRule: b?.feeRule ?? '',
      validFrom: b?.validFrom ?? '',
      validTo: b?.validTo ?? '',
    },
    schema: (b ? legalBasisUpdateBody : legalBasisBody) as typeof legalBasisBody,
    toBody: (v) => ({
      ...v,
      route: v.route || undefined,
      appealRoute: v.appealRoute || undefined,
      feeRule: v.feeRule || undefined,
      validFrom: v.validFrom.trim(),
      validTo: v.validTo.trim() || null,
    }),
    saved: (saved) => `${saved.code} är sparad.`,
  });
  return (
    <EditForm {...editForm}>
      <TextInput name="code" label="Kod" hint="Versaler, siffror och _ : . -, till exempel LSS_9_4." width="m" autoComplete="off" />
      <RadioInput name="route" label="Lag" inline options={routeOptions} />
      <TextInput name="law" label="Lag (som den skrivs i beslutet)" hint="Till exempel Lag (1993:387) om stöd och service till vissa funktionshindrade." width="full" autoComplete="off" />
      <TextInput name="paragraph" label="Paragraf" hint="Till exempel 9 § 4." width="m" autoComplete="off" />
      <TextInput name="name" label="Benämning" width="full" autoComplete="off" />
      <TextAreaInput name="printText" label="Text i beslutet" rows={4} />
      <RadioInput name="appealRoute" label="Hur överklagas beslutet?" options={APPEAL_ROUTES.map((r) => ({ value: r, label: appealRouteLabel[r] }))} />
      <CheckboxInput name="ivoReportable" label="Ej verkställda beslut rapporteras till IVO" />
      <RadioInput name="feeRule" label="Avgift" options={FEE_RULES.map((r) => ({ value: r, label: feeRuleLabel[r] }))} />
      <div className="field-row">
        <DateInput name="validFrom" label="Gäller från" />
        <DateInput name="validTo" label="Gäller till" optional />
      </div>
    </EditForm>
  );
}
