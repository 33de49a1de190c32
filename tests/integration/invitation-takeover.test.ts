/**
 * Issue 16.4: an invitation bound to an email is not taken over by changing one's own email.
 * The attacker asks for the invitee's address with PUT /auth/v1/user; the local Auth, like
 * hosted Auth's secure email change, keeps the old address until the new one confirms, so the
 * invitation is still refused and the trainer's roster is unchanged. The invitee, whose address
 * is confirmed, accepts it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUsers, openDb, type Db } from '../helpers/bookings.js';
import { startTestStack, type TestStack } from '../helpers/stack.js';
import { createUser, uniqueEmail, type TestUser } from '../helpers/users.js';

let stack: TestStack;
let db: Db;
let T: TestUser;

beforeAll(async () => {
  stack = await startTestStack();
  db = openDb(stack);
  [T] = (await createUsers(stack, 'trainer', 1)) as [TestUser];
}, 90_000);

afterAll(async () => {
  await db?.end();
  await stack?.stop();
});

describe('an invitation bound to an email', () => {
  it('stays refused to someone who asks for the invitee’s address, and goes to the invitee', async () => {
    const invitee = uniqueEmail('invitee');
    const invite = await T.client.from('trainer_clients').insert({ trainer_id: T.id, invited_email: invitee }).select('invite_code').single();
    expect(invite.error).toBeNull();
    const code = (invite.data as { invite_code: string }).invite_code;

    const attacker = await createUser(stack, { role: 'client', fullName: 'Mallory' });
    expect((await attacker.client.rpc('accept_invitation', { code })).error?.message).toContain('another email address');
    const changed = await attacker.client.auth.updateUser({ email: invitee });
    expect(changed.error).toBeNull();
    expect(changed.data.user?.email).toBe(attacker.email);
    expect((await attacker.client.rpc('accept_invitation', { code })).error?.message).toContain('another email address');
    // Even with auth.users.email rewritten behind Auth's back, an unconfirmed address proves nothing.
    await db.query(`update auth.users set email = $2, email_confirmed_at = null where id = $1`, [attacker.id, `${invitee}.x`]);
    await db.query(`update public.trainer_clients set invited_email = $2 where invite_code = $1`, [code, `${invitee}.x`]);
    expect((await attacker.client.rpc('accept_invitation', { code })).error?.message).toContain('another email address');
    expect((await db.query(`select client_id, status from public.trainer_clients where invite_code = $1`, [code])).rows).toEqual([
      { client_id: null, status: 'invited' },
    ]);

    await db.query(`update public.trainer_clients set invited_email = $2 where invite_code = $1`, [code, invitee]);
    const real = await createUser(stack, { role: 'client', fullName: 'Invitee', email: invitee });
    expect((await real.client.rpc('accept_invitation', { code })).error).toBeNull();
    expect((await db.query(`select client_id, status from public.trainer_clients where invite_code = $1`, [code])).rows).toEqual([
      { client_id: real.id, status: 'active' },
    ]);
  });
});
