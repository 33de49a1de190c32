/**
 * RxDB queries as React state: subscribe to a query's observable and hand the screen plain
 * rows. Unchanged documents keep the same row object across emissions (RxDB caches a document
 * per revision), so memoised rows do not re-render when another row changes.
 */
import { useEffect, useState, type DependencyList } from 'react';
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
  // The query is rebuilt when a dependency changes (React's "adjust state while rendering").
  const [built, setBuilt] = useState(() => ({ deps, query: build() }));
  let query = built.query;
  if (!sameDeps(built.deps, deps)) {
    query = build();
    setBuilt({ deps, query });
  }
  const [result, setResult] = useState<{ query: unknown; rows: T[] } | undefined>(undefined);
  useEffect(() => {
    if (!query) return;
    const subscription = query.$.subscribe((docs) => setResult({ query, rows: docs.map((d) => rowOf(d)) }));
    return () => subscription.unsubscribe();
  }, [query]);
  if (!query) return NO_ROWS;
  return result && result.query === query ? result.rows : undefined;
}

function sameDeps(a: DependencyList, b: DependencyList): boolean {
  return a.length === b.length && a.every((value, i) => Object.is(value, b[i]));
}
