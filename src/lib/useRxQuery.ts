/**
 * RxDB queries as React state: subscribe to a query's observable and hand the screen plain
 * rows. Unchanged documents keep the same row object across emissions (RxDB caches a document
 * per revision), so memoised rows do not re-render when another row changes.
 */
import { useEffect, useMemo, useState, type DependencyList } from 'react';
import type { RxDocument, RxQuery } from 'rxdb';

const rows = new WeakMap<object, unknown>();

export function rowOf<T>(doc: RxDocument<T>): T {
  let row = rows.get(doc) as T | undefined;
  if (!row) {
    row = doc.toJSON() as T;
    rows.set(doc, row);
  }
  return row;
}

const NO_ROWS: never[] = [];

/** Rows of `query` (undefined until the first result). Return null from `build` to query nothing. */
export function useRxQuery<T>(build: () => RxQuery<T, RxDocument<T>[]> | null, deps: DependencyList): T[] | undefined {
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const query = useMemo(build, deps);
  const [result, setResult] = useState<{ query: unknown; rows: T[] } | undefined>(undefined);
  useEffect(() => {
    if (!query) return;
    const subscription = query.$.subscribe((docs) => setResult({ query, rows: docs.map((d) => rowOf(d)) }));
    return () => subscription.unsubscribe();
  }, [query]);
  if (!query) return NO_ROWS;
  return result && result.query === query ? result.rows : undefined;
}
