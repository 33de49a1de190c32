import { useEffect, useState } from 'react';
import { categoryPaths, loadCategories } from './library-api';

export function useCategoryPaths(): Array<{ id: string; path: string }> {
  const [paths, setPaths] = useState<Array<{ id: string; path: string }>>([]);
  useEffect(() => {
    let live = true;
    void loadCategories().then((c) => live && setPaths(categoryPaths(c)));
    return () => {
      live = false;
    };
  }, []);
  return paths;
}
