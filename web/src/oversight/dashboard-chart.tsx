// A bar chart in plain SVG with its text alternative, the same figures as a table beside it, and a CSV download
// (WCAG 1.1.1: the chart is an image described in words; the table is the accessible version of the data).
import { csvOf } from '../../../src/oversight/dashboard-rules';
import { Button } from '../platform/ui';

export interface Series {
  label: string;
  /** One value per category (null: no value, drawn as no bar). */
  values: readonly (number | null)[];
}

/** Colours with at least 3:1 contrast against white and against each other in lightness (WCAG 1.4.11). */
const COLOURS = ['#1d5a8c', '#a44d00', '#2f6b2f'];

export function BarChart({ id, title, summary, categories, series, format }: { id: string; title: string; summary: string; categories: readonly string[]; series: readonly Series[]; format: (v: number) => string }) {
  const width = 640;
  const height = 220;
  const left = 48;
  const bottom = 36;
  const top = 12;
  const max = Math.max(1, ...series.flatMap((s) => s.values.map((v) => v ?? 0)));
  const slot = (width - left - 8) / Math.max(1, categories.length);
  const barWidth = Math.max(2, (slot * 0.8) / series.length);
  const y = (v: number) => top + (height - top - bottom) * (1 - v / max);
  const labelEvery = Math.ceil(categories.length / 12);
  return (
    <svg role="img" aria-labelledby={`${id}-title ${id}-desc`} viewBox={`0 0 ${width} ${height}`} className="chart" width="100%" preserveAspectRatio="xMinYMin meet">
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{summary}</desc>
      <line x1={left} x2={width - 4} y1={y(0)} y2={y(0)} stroke="#595959" />
      <text x={left - 6} y={y(max) + 4} textAnchor="end" fontSize="11" fill="#333">
        {format(max)}
      </text>
      <text x={left - 6} y={y(0) + 4} textAnchor="end" fontSize="11" fill="#333">
        0
      </text>
      {categories.map((c, i) => (
        <g key={c}>
          {series.map((s, k) => {
            const v = s.values[i];
            if (v === null || v === undefined) return null;
            const x = left + i * slot + slot * 0.1 + k * barWidth;
            return <rect key={s.label} x={x} y={y(Math.max(0, v))} width={barWidth} height={Math.max(0, y(0) - y(Math.max(0, v)))} fill={COLOURS[k % COLOURS.length]} />;
          })}
          {i % labelEvery === 0 && (
            <text x={left + i * slot + slot / 2} y={height - bottom + 16} textAnchor="middle" fontSize="11" fill="#333">
              {c}
            </text>
          )}
        </g>
      ))}
      {series.length > 1 &&
        series.map((s, k) => (
          <g key={s.label}>
            <rect x={left + k * 160} y={height - 12} width={10} height={10} fill={COLOURS[k % COLOURS.length]} />
            <text x={left + k * 160 + 14} y={height - 3} fontSize="11" fill="#333">
              {s.label}
            </text>
          </g>
        ))}
    </svg>
  );
}

/** The figures as a table (caption = the chart's title), for screen readers and for reading exact values. */
export function FigureTable({ caption, header, rows }: { caption: string; header: readonly string[]; rows: readonly (readonly (string | number)[])[] }) {
  return (
    <div className="table-scroll">
      <table className="simple-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {header.map((h, i) => (
              <th key={h} scope="col" className={i > 0 ? 'num' : undefined}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={String(r[0])}>
              {r.map((v, i) =>
                i === 0 ? (
                  <th key="h" scope="row">
                    {v}
                  </th>
                ) : (
                  <td key={header[i]} className="num">
                    {v}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Download the figures as CSV for Excel (built in the browser from the figures on the page: no second request). */
export function CsvButton({ fileName, header, rows, label }: { fileName: string; header: readonly string[]; rows: readonly (readonly (string | number | null)[])[]; label: string }) {
  return (
    <Button
      variant="secondary"
      aria-label={`Ladda ner ${label} som CSV-fil`}
      onPress={() => {
        const url = URL.createObjectURL(new Blob([csvOf(header, rows)], { type: 'text/csv;charset=utf-8' }));
        const a = document.createElement('a');
        a.href = url;
        a.download = fileName;
        document.body.append(a);
        a.click();
        a.remove();
        setTimeout(() => URL.revokeObjectURL(url), 10_000);
      }}
    >
      Ladda ner CSV
    </Button>
  );
}
