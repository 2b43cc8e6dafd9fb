// The anställningsuppgifter as a document for payroll (PDF) and as rows for the CSV export. Only what payroll needs:
// the contact person, the assignment by the person's case number (never the person's name or anything of the
// case), level, amounts per month, start date — and bank and tax details when the reader may see them.
import { formatKronor, kronorForSpreadsheet } from '../payments/rules';
import type { PdfDocument } from '../platform/documents/pdf';
import type { PayrollNoticeOut } from './plan-pay/schema';
import { toCsv } from './payroll-csv';

function lines(n: PayrollNoticeOut): [string, string][] {
  const cp = n.contactPerson;
  const address = [cp.streetAddress, [cp.postalCode, cp.city].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  return [
    ['Kontaktperson', cp.name],
    ['Personnummer', cp.identityNumber],
    ['Adress', address || 'Saknas'],
    ['Uppdrag (ärende)', n.caseNumber],
    ['Utförande enhet', n.providerUnit],
    ['Nivå', `${n.level.name} (${n.level.code}), tabell ${n.level.year}`],
    ['Arvode per månad', formatKronor(n.arvode)],
    ['Omkostnad per månad', formatKronor(n.omkostnad)],
    ['Startdatum', n.startDate],
    ['Uppdraget gäller till', n.periodTo ?? 'Tills vidare'],
    ...(n.payment
      ? ([
          ['Bank', n.payment.bankName],
          ['Clearingnummer', n.payment.clearingNumber],
          ['Kontonummer', n.payment.accountNumber],
          ['Skattetabell', n.payment.taxTable === null ? 'Saknas' : `${n.payment.taxTable}${n.payment.taxColumn === null ? '' : `, kolumn ${n.payment.taxColumn}`}`],
        ] as [string, string][])
      : n.paymentShown
        ? ([['Bank och skatt', 'Inte registrerade']] as [string, string][])
        : []),
  ];
}

export function payrollNoticePdf(n: PayrollNoticeOut, municipality: string): PdfDocument {
  return {
    info: { title: `Anställningsuppgifter – ${n.contactPerson.name}`, author: municipality, subject: 'Anställningsuppgifter för kontaktperson' },
    pageMargins: [60, 60, 60, 70],
    content: [
      {
        columns: [
          { text: municipality, style: 'sender' },
          { stack: [{ text: `Skickad till lön: ${n.sentDate}`, style: 'small' }], alignment: 'right' },
        ],
      },
      { text: 'Anställningsuppgifter för kontaktperson', style: 'title', margin: [0, 30, 0, 12] },
      { table: { widths: [160, '*'], body: lines(n).map(([k, v]) => [{ text: k, bold: true }, v]) }, layout: 'lightHorizontalLines' },
      { text: 'Arvodet är skattepliktig inkomst. Omkostnaden ersätter kontaktpersonens kostnader. Beloppen gäller en hel månad; en del av en månad betalas per dag.', style: 'small', margin: [0, 16, 0, 0] },
    ],
    footer: { text: `${municipality} · anställningsuppgifter`, alignment: 'center', style: 'small', margin: [0, 20, 0, 0] },
    styles: { sender: { fontSize: 13, bold: true }, small: { fontSize: 9, color: '#333333' }, title: { fontSize: 18, bold: true } },
  };
}

/** All notices as one CSV for Excel; the bank and tax columns only when the reader may see them. */
export function payrollNoticesCsv(items: readonly PayrollNoticeOut[], paymentShown: boolean): string {
  const header = [
    'Skickad till lön',
    'Ärende',
    'Kontaktperson',
    'Personnummer',
    'Gatuadress',
    'Postnummer',
    'Ort',
    'Enhet',
    'Nivå',
    'Nivåkod',
    'Arvode per månad (kr)',
    'Omkostnad per månad (kr)',
    'Startdatum',
    'Gäller till',
    ...(paymentShown ? ['Bank', 'Clearingnummer', 'Kontonummer', 'Skattetabell', 'Skattekolumn'] : []),
  ];
  const rows = items.map((n) => [
    n.sentDate,
    n.caseNumber,
    n.contactPerson.name,
    n.contactPerson.identityNumber,
    n.contactPerson.streetAddress,
    n.contactPerson.postalCode,
    n.contactPerson.city,
    n.providerUnit,
    n.level.name,
    n.level.code,
    kronorForSpreadsheet(n.arvode),
    kronorForSpreadsheet(n.omkostnad),
    n.startDate,
    n.periodTo,
    ...(paymentShown ? [n.payment?.bankName ?? null, n.payment?.clearingNumber ?? null, n.payment?.accountNumber ?? null, n.payment?.taxTable ?? null, n.payment?.taxColumn ?? null] : []),
  ]);
  return toCsv(header, rows);
}
