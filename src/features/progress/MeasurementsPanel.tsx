import { formatDate } from '@/lib/dates';
import { lazy, Suspense, useMemo, useState } from 'react';
import { MEASUREMENT_FIELDS, toDisplay, unitLabel, type BodyUnits, type MeasurementField } from './body-units';
import { changeSummary, inRange, RANGES, seriesOf, weeklyRate, withTrend, type RangeKey } from './measurement-trend';
import type { MeasurementRow } from './useProgressData';

const MeasurementChart = lazy(() => import('./MeasurementChart').then((m) => ({ default: m.MeasurementChart })));

const signed = (n: number) => `${n > 0 ? '+' : n < 0 ? '−' : '±'}${Math.abs(n)}`;

/** Charts of one field at a time, with a range selector and the 7/30/90-day change. */
export function MeasurementsChartCard({
  rows,
  units,
  initialField = 'weight_kg',
}: {
  rows: readonly MeasurementRow[];
  units: BodyUnits;
  initialField?: MeasurementField;
}) {
  const [field, setField] = useState<MeasurementField>(initialField);
  const [range, setRange] = useState<RangeKey>('90d');
  const spec = MEASUREMENT_FIELDS.find((f) => f.field === field) ?? MEASUREMENT_FIELDS[0]!;
  const unit = unitLabel(spec.kind, units);
  const all = useMemo(
    () => seriesOf(rows, (r) => (r[field] === null ? null : toDisplay(spec.kind, r[field], units))),
    [rows, field, spec.kind, units],
  );
  const shown = useMemo(() => withTrend(inRange(all, range)), [all, range]);
  const rate = weeklyRate(inRange(all, range));
  const latest = all[all.length - 1];
  const changes = changeSummary(all);
  return (
    <section className="card" aria-labelledby="chart-title">
      <div className="chart-head">
        <h2 id="chart-title">Trend</h2>
        <label htmlFor="chart-field" className="visually-hidden">
          Measurement
        </label>
        <select id="chart-field" value={field} onChange={(e) => setField(e.target.value as MeasurementField)}>
          {MEASUREMENT_FIELDS.map((f) => (
            <option key={f.field} value={f.field}>
              {f.label}
            </option>
          ))}
        </select>
      </div>
      <div className="segmented" role="radiogroup" aria-label="Range">
        {RANGES.map((r) => (
          <label key={r.key} className={r.key === range ? 'selected' : ''}>
            <input type="radio" name="range" className="visually-hidden" checked={r.key === range} onChange={() => setRange(r.key)} />
            {r.label}
          </label>
        ))}
      </div>
      <figure className="chart" aria-label={`${spec.label} chart`}>
        {shown.length === 0 ? (
          <p className="empty">No {spec.label.toLowerCase()} measurements yet.</p>
        ) : (
          <Suspense fallback={<p aria-busy="true">Drawing the chart…</p>}>
            <MeasurementChart points={shown} label={spec.label} unit={unit} />
          </Suspense>
        )}
        <figcaption data-testid="chart-caption">
          {shown.length} {shown.length === 1 ? 'point' : 'points'}
          {latest ? ` · latest ${latest.value} ${unit}` : ''}
          {rate !== null ? ` · trend ${signed(Math.round(rate * 10) / 10)} ${unit}/week` : ''}
        </figcaption>
      </figure>
      <dl className="change-summary" aria-label="Change">
        {changes.map((c) => (
          <div key={c.days}>
            <dt>{c.days} days</dt>
            <dd>{c.change === null ? '—' : `${signed(c.change)} ${unit}`}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** The list of measurements, newest first, in the user's units. */
export function MeasurementHistory({
  rows,
  units,
  onDelete,
}: {
  rows: readonly MeasurementRow[];
  units: BodyUnits;
  onDelete?: (id: string) => void;
}) {
  if (rows.length === 0) return null;
  return (
    <section className="card" aria-labelledby="measurement-history-title">
      <h2 id="measurement-history-title">History</h2>
      <ul className="plain-list measurement-list">
        {[...rows].reverse().map((row) => (
          <li key={row.id}>
            <span className="measurement-day">
              {formatDate(row.measured_at)}
            </span>
            <span className="measurement-values">
              {MEASUREMENT_FIELDS.filter((f) => row[f.field] !== null)
                .map((f) => `${f.label} ${toDisplay(f.kind, row[f.field] as number, units)} ${unitLabel(f.kind, units)}`)
                .join(' · ')}
              {row.skinfolds && Object.keys(row.skinfolds).length > 0
                ? ` · skinfolds ${Object.entries(row.skinfolds)
                    .map(([k, v]) => `${k} ${v} mm`)
                    .join(', ')}`
                : ''}
            </span>
            {onDelete && (
              <button
                type="button"
                className="link"
                onClick={() => onDelete(row.id)}
                aria-label={`Delete the measurement of ${row.measured_at.slice(0, 10)}`}
              >
                Delete
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
