import { run } from '../bench/groups/sync.ts';
const orig = console.error;
setTimeout(() => { console.log('timeout'); process.exit(3); }, 60000);
await run();
process.exit(0);
