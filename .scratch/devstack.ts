import { startStack } from '/work/main/supabase/local/stack.ts';
import pg from 'pg';
const s = await startStack({ apiPort: 0, dbPort: 0, seed: false, migrationsDir: '/tmp/devmig' });
console.log(s.apiUrl);
const c = new pg.Client({ connectionString: s.dbUrl }); await c.connect();
const uid = '11111111-1111-1111-1111-111111111111';
const su = new pg.Client({ connectionString: s.superuserUrl }); await su.connect();
await su.query(`insert into auth.users (id, email) values ($1, 'a@x')`, [uid]);
await c.query(`begin; set local role authenticated; select set_config('request.jwt.claims', '{"sub":"${uid}","role":"authenticated"}', true);`);
const r = await c.query(`select public.sync_push('notes', $1)`, [JSON.stringify([
 {doc:{id:'0190a000-0000-7000-8000-000000000001', owner_id: uid, body:'hi', updated_at:'2026-11-25T10:00:00.000Z', deleted:false}, assumed_rev:null},
 {doc:{id:'0190a000-0000-7000-8000-000000000002', owner_id: uid, body:'x'.repeat(60), updated_at:'2026-11-25T10:00:00.000Z', deleted:false}, assumed_rev:null},
 {doc:{id:'0190a000-0000-7000-8000-000000000003', owner_id: '22222222-1111-1111-1111-111111111111', body:'other', updated_at:'2026-11-25T10:00:00.000Z', deleted:false}, assumed_rev:null},
])]);
console.log(JSON.stringify(r.rows[0], null, 1));
await c.query('commit');
await c.query(`begin; set local role authenticated; select set_config('request.jwt.claims', '{"sub":"${uid}","role":"authenticated"}', true);`);
const p = await c.query(`select public.sync_pull('notes', null, 10)`);
console.log(JSON.stringify(p.rows[0], null, 1));
const rev = p.rows[0].sync_pull.documents[0].server_rev;
const r2 = await c.query(`select public.sync_push('notes', $1)`, [JSON.stringify([
 {doc:{id:'0190a000-0000-7000-8000-000000000001', body:'hi2', updated_at:'2026-11-25T10:01:00.000Z'}, assumed_rev:rev},
 {doc:{id:'0190a000-0000-7000-8000-000000000001', body:'hi3', updated_at:'2026-11-25T10:02:00.000Z'}, assumed_rev:rev},
 {doc:{id:'0190a000-0000-7000-8000-000000000001', body:'hi3', updated_at:'2026-11-25T10:02:00.000Z'}, assumed_rev:rev},
])]);
console.log(JSON.stringify(r2.rows[0], null, 1));
await c.query('commit');
try { await c.query(`select public.sync_pull('pg_class', null, 10)`); } catch (e) { console.log('refused:', (e as Error).message); }
await c.end(); await su.end();
await s.stop();
