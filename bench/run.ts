/**
 * `npm run bench -- <group>` runs one benchmark group (bench/groups/<group>.ts);
 * `npm run bench` runs them all in turn. Each group prints `<name>: <number> <unit>` lines.
 */
import { readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

type BenchGroup = { run: () => Promise<void> };

const groupsDir = join(dirname(fileURLToPath(import.meta.url)), 'groups');

async function listGroups(): Promise<string[]> {
  return (await readdir(groupsDir)).filter((f) => f.endsWith('.ts')).map((f) => f.slice(0, -3)).sort();
}

async function runGroup(name: string): Promise<void> {
  const module = (await import(pathToFileURL(join(groupsDir, `${name}.ts`)).href)) as BenchGroup;
  console.log(`# group ${name}`);
  await module.run();
}

const available = await listGroups();
const requested = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const unknown = requested.filter((g) => !available.includes(g));
if (unknown.length) {
  console.error(`unknown benchmark group: ${unknown.join(', ')} (available: ${available.join(', ')})`);
  process.exit(2);
}
for (const group of requested.length ? requested : available) await runGroup(group);
process.exit(0);
