/** Benchmarks print one line per figure: `<name>: <number> <unit>`. */
export function report(name: string, value: number, unit: string): void {
  const rounded = Number.isInteger(value) ? String(value) : value.toFixed(value >= 100 ? 1 : 3);
  console.log(`${name}: ${rounded} ${unit}`);
}

export function median(values: number[]): number {
  return percentile(values, 50);
}

/** Nearest-rank percentile of `values` (p in 0..100). */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) throw new Error('percentile of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}
