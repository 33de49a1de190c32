import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'supabase/**/*.test.ts', 'tests/**/*.test.{ts,tsx}'],
    exclude: ['**/node_modules/**', 'dist/**'],
    environment: 'node',
    // One language for dates in words in every test process, whatever the machine's; the
    // browser tests' pages use the same (tests/helpers/browser.ts BROWSER_LOCALE).
    setupFiles: ['tests/setup/date-locale.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 90_000,
    reporters: ['default'],
  },
});
