/** Builds the app against a running stack (only when something changed) and serves it with Vite. */
import { readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build, createServer, preview } from 'vite';
import type { LocalStack } from '../supabase/local/stack.js';

export type RunningApp = { url: string; close: () => Promise<void> };

const SOURCES = ['src', 'public', 'index.html', 'vite.config.ts', 'package-lock.json'];
const BUILD_INFO = '.build-info.json';

async function newestMtime(path: string): Promise<number> {
  const info = await stat(path).catch(() => undefined);
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  const entries = await readdir(path);
  const times = await Promise.all(entries.map((e) => newestMtime(join(path, e))));
  return Math.max(info.mtimeMs, ...times);
}

function appEnv(stack: LocalStack): Record<string, string> {
  return { VITE_SUPABASE_URL: stack.apiUrl, VITE_SUPABASE_ANON_KEY: stack.anonKey };
}

async function isBuildFresh(root: string, env: Record<string, string>): Promise<boolean> {
  const info = await readFile(join(root, 'dist', BUILD_INFO), 'utf8').catch(() => undefined);
  if (!info || info !== JSON.stringify(env)) return false;
  const built = (await stat(join(root, 'dist', 'index.html')).catch(() => undefined))?.mtimeMs ?? 0;
  const sourceTimes = await Promise.all(SOURCES.map((s) => newestMtime(join(root, s))));
  return built > Math.max(...sourceTimes);
}

export async function buildAppIfStale(root: string, stack: LocalStack, log: (line: string) => void): Promise<void> {
  const env = appEnv(stack);
  if (await isBuildFresh(root, env)) return;
  log('Building the app (production build with service worker)…');
  Object.assign(process.env, env);
  await build({ root, logLevel: 'warn' });
  await writeFile(join(root, 'dist', BUILD_INFO), JSON.stringify(env));
}

export async function serveApp(root: string, stack: LocalStack, mode: 'preview' | 'dev', port: number): Promise<RunningApp> {
  Object.assign(process.env, appEnv(stack));
  if (mode === 'dev') {
    const server = await createServer({ root, server: { port, host: '127.0.0.1', strictPort: true } });
    await server.listen();
    return { url: `http://127.0.0.1:${port}`, close: () => server.close() };
  }
  const server = await preview({ root, preview: { port, host: '127.0.0.1', strictPort: true } });
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.httpServer.close(() => resolve())) };
}
