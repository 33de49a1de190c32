import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Layers: src/db and src/sync never import React or src/features (STYLE.md, "Layout"). */
const dataLayerBoundary = {
  patterns: [
    { group: ['react', 'react-dom', 'react/*', 'react-dom/*'], message: 'src/db and src/sync stay free of React.' },
    { group: ['@/features', '@/features/*', '../features/*', '../../features/*'], message: 'src/db and src/sync must not import features.' },
  ],
};

/** src/db holds the device database only: the sync layer's merge is handed to it. */
const dbBoundary = {
  patterns: [
    ...dataLayerBoundary.patterns,
    { group: ['@/sync', '@/sync/*', '../sync', '../sync/*'], message: 'src/db must not import src/sync (pass what it needs in, like the conflict handler).' },
  ],
};

/**
 * Server calls: supabase-js only in src/sync, src/lib/supabase.ts and <feature>-api.ts modules,
 * and no component or hook talks to the server itself. Type imports (a Session) are fine.
 */
const serverCalls = {
  name: '@supabase/supabase-js',
  allowTypeImports: true,
  message: 'Call the server through src/sync or a <feature>-api.ts module.',
};
const serverClient = {
  name: '@/lib/supabase',
  importNames: ['getSupabase'],
  message: 'Call the server through src/sync or a <feature>-api.ts module.',
};

/** A feature uses another only through what its index.ts exports. */
const featureInternals = {
  group: ['@/features/*/*', '../*/*'],
  message: "Import another feature through its index.ts ('@/features/<name>').",
};

/** Whether the server answers is one signal (src/sync/reachability.ts: onBackInReach, serverInReach). */
const onlineListeners = {
  selector: "CallExpression[callee.property.name='addEventListener'][arguments.0.value=/^(online|offline)$/]",
  message: "Use onBackInReach / serverInReach from src/sync/reachability.ts instead of the browser's online events.",
};

export default tseslint.config(
  { ignores: ['dist/**', 'dev-dist/**', 'node_modules/**', '.data/**', 'coverage/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    files: ['src/features/**/*.{ts,tsx}', 'src/app/**/*.{ts,tsx}', 'src/lib/**/*.{ts,tsx}'],
    ignores: ['src/**/*-api.ts', 'src/lib/supabase.ts', 'src/lib/device-store.ts', 'src/**/*.test.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { paths: [serverCalls, serverClient], patterns: [featureInternals] }],
      'no-restricted-syntax': ['error', onlineListeners],
    },
  },
  {
    files: ['src/**/*-api.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [featureInternals] }],
      'no-restricted-syntax': ['error', onlineListeners],
    },
  },
  {
    files: ['src/sync/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', dataLayerBoundary] },
  },
  {
    files: ['src/db/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', dbBoundary] },
  },
);
