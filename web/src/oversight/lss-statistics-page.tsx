// LSS-statistik till Socialstyrelsen: the file of the state on 1 October, downloaded and uploaded by the municipality.
import { useState } from 'react';
import { LSS_STATISTICS_LAYOUT, lssStatisticsDates, municipalityCodeProblem } from '../../../src/oversight/lss-statistics-rules';
import { today as todayOf } from '../platform/dates';
import { Page } from '../platform/page';
import { Notice } from '../platform/ui';

export function LssStatisticsPage() {
  const today = todayOf();
  const lastYear = today >= `${today.slice(0, 4)}-10-01` ? Number(today.slice(0, 4)) : Number(today.slice(0, 4)) - 1;
  const [year, setYear] = useState(String(lastYear));
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const dates = lssStatisticsDates(Number(year));
  return (
    <Page title="LSS-statistik till Socialstyrelsen" breadcrumbs={[{ label: 'Start', href: '/' }, { label: 'Översikt', href: '/oversikt' }]} lead="En fil med läget den 1 oktober: en rad per person med en verkställd insats enligt LSS. Filen lämnas i Socialstyrelsens inrapporteringstjänst senast den 25 oktober.">
      <Notice title="Bara kontaktperson">
        Kontakt känner bara till insatsen kontaktperson (9 § 4). Övriga insatser står som 0 och måste läggas till från andra system innan filen lämnas.
      </Notice>
      <form
        method="get"
        action="/api/oversight/lss-statistics.csv"
        noValidate
        onSubmit={(e) => {
          const problem = municipalityCodeProblem(code.trim());
          setError(problem);
          if (problem) {
            e.preventDefault();
            document.getElementById('lss-code')?.focus();
          }
        }}
      >
        <div className="field">
          <label htmlFor="lss-year">År</label>
          <select id="lss-year" name="year" value={year} onChange={(e) => setYear(e.target.value)}>
            {[lastYear, lastYear - 1, lastYear - 2].map((y) => (
              <option key={y} value={y}>
                {y} (läget den {y}-10-01)
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="lss-code">Kommunkod (boendekommun)</label>
          <p className="hint" id="lss-code-hint">
            Fyra siffror, till exempel 0180.
          </p>
          {error && (
            <p className="field-error" id="lss-code-error">
              {error}
            </p>
          )}
          <input id="lss-code" name="municipalityCode" inputMode="numeric" autoComplete="off" value={code} onChange={(e) => setCode(e.target.value)} aria-describedby={error ? 'lss-code-hint lss-code-error' : 'lss-code-hint'} aria-invalid={error ? true : undefined} />
        </div>
        <p>
          Läget den {dates.referenceDate}, lämnas senast {dates.dueDate}.
        </p>
        <button type="submit" className="btn btn-primary">
          Ladda ner filen
        </button>
      </form>
      <h2>Filens upplägg</h2>
      <p>{LSS_STATISTICS_LAYOUT.source}</p>
      <p>Kolumner: {LSS_STATISTICS_LAYOUT.columns.map((c) => c.header).join(', ')}.</p>
    </Page>
  );
}
