/** A measured field over time with its trend line (recharts: loaded with this chunk only). */
import { formatDate } from '@/lib/dates';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { TrendPoint } from './measurement-trend';

const dateText = (at: number) => formatDate(at);

export function MeasurementChart({ points, label, unit }: { points: readonly TrendPoint[]; label: string; unit: string }) {
  const data = points.map((p) => ({ at: p.at, value: p.value, trend: p.trend === null ? null : Math.round(p.trend * 10) / 10 }));
  return (
    <ResponsiveContainer width="100%" height={240}>
      <LineChart data={data} margin={{ top: 8, right: 12, bottom: 4, left: -12 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" />
        <XAxis
          dataKey="at"
          type="number"
          scale="time"
          domain={['dataMin', 'dataMax']}
          tickFormatter={dateText}
          stroke="var(--muted)"
          fontSize={12}
        />
        <YAxis domain={['auto', 'auto']} stroke="var(--muted)" fontSize={12} />
        <Tooltip
          labelFormatter={(at) => dateText(Number(at))}
          formatter={(value) => `${String(value)} ${unit}`}
          contentStyle={{ background: 'var(--card)', border: '1px solid var(--border)' }}
        />
        <Legend />
        <Line
          type="monotone"
          dataKey="value"
          name={label}
          stroke="var(--accent)"
          strokeWidth={2}
          dot={{ r: 3 }}
          isAnimationActive={false}
        />
        <Line
          type="linear"
          dataKey="trend"
          name="Trend"
          stroke="var(--muted)"
          strokeDasharray="6 4"
          dot={false}
          isAnimationActive={false}
        />
      </LineChart>
    </ResponsiveContainer>
  );
}
