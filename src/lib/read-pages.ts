/**
 * Reads every row of a PostgREST query page by page. Hosted Supabase answers at most 1,000
 * rows per request (`db-max-rows`, set the same on the local stack) and cuts the rest off
 * silently, so a read that may pass that many rows asks for ranges until one comes back short.
 * The query must have a total order (order by a unique column last) for pages not to overlap.
 */
export const PAGE_ROWS = 1000;

type PageResult = { data: unknown[] | null; error: { message: string } | null };

/** All rows of `page(from, to)` (inclusive range), up to `maxRows`; the first error ends it. */
export async function readPages(
  page: (from: number, to: number) => PromiseLike<PageResult>,
  options: { maxRows?: number; pageRows?: number } = {},
): Promise<{ data: unknown[] | null; error: { message: string } | null }> {
  const pageRows = options.pageRows ?? PAGE_ROWS;
  const maxRows = options.maxRows ?? 50_000;
  const rows: unknown[] = [];
  for (let from = 0; from < maxRows; from += pageRows) {
    const { data, error } = await page(from, Math.min(from + pageRows, maxRows) - 1);
    if (error || !data) return { data: null, error: error ?? { message: 'no data' } };
    rows.push(...data);
    if (data.length < Math.min(pageRows, maxRows - from)) break;
  }
  return { data: rows, error: null };
}
