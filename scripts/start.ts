/**
 * `npm start`: the local stack with demo data plus the production build of the app (service
 * worker and all, as users get it). `npm run dev`: the same stack with Vite's hot-reloading
 * dev server. `npm run stack`: the stack alone. Data persists in .data/ between runs.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { DEMO_ACCOUNTS } from '../supabase/local/demo-accounts.js';
import { startStack, type LocalStack } from '../supabase/local/stack.js';
import { buildAppIfStale, serveApp, type RunningApp } from './app-server.js';

const root = join(import.meta.dirname, '..');
const args = new Set(process.argv.slice(2));
const mode: 'preview' | 'dev' | 'none' = args.has('--dev') ? 'dev' : args.has('--no-app') ? 'none' : 'preview';

function printConnectionDetails(stack: LocalStack, app: RunningApp | undefined): void {
  const lines = [
    `API URL: ${stack.apiUrl}`,
    `anon key: ${stack.anonKey}`,
    `service_role key: ${stack.serviceRoleKey}`,
    `DB URL: ${stack.dbUrl}`,
    ...(app ? [`App URL: ${app.url}`] : []),
    ...DEMO_ACCOUNTS.map((a) => `${a.label}: ${a.email} ${a.password}`),
  ];
  console.log(`\n${lines.join('\n')}\n\nSign in at the App URL with any demo account. Press Ctrl-C to stop.`);
}

async function main(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL;
  const dataDir = join(root, '.data', 'postgres');
  if (!databaseUrl) await mkdir(join(root, '.data'), { recursive: true });
  console.log(databaseUrl ? 'Starting the local stack on DATABASE_URL…' : `Starting the local stack (data in ${dataDir})…`);
  const stack = await startStack({
    databaseUrl,
    dataDir: databaseUrl ? undefined : dataDir,
    apiPort: Number(process.env.API_PORT ?? 54321),
    dbPort: Number(process.env.DB_PORT ?? 54322),
    log: process.env.STACK_LOG ? (line) => process.stdout.write(line) : undefined,
  });
  if (stack.appliedMigrations.length) console.log(`Applied migrations: ${stack.appliedMigrations.join(', ')}`);
  if (stack.seeded) console.log('Loaded demo data from supabase/seed.sql');

  let app: RunningApp | undefined;
  try {
    if (mode === 'preview') await buildAppIfStale(root, stack, (line) => console.log(line));
    if (mode !== 'none') app = await serveApp(root, stack, mode, Number(process.env.APP_PORT ?? (mode === 'dev' ? 5173 : 4173)));
  } catch (error) {
    await stack.stop();
    throw error;
  }
  printConnectionDetails(stack, app);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping…`);
    await app?.close();
    await stack.stop();
    console.log('Stopped. Your data is kept for the next start.');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(`Could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
