/**
 * Issue 24.11: the trainer's money screens' server functions, called through /rest/v1 with real
 * JWTs: confirming or declining a client's cash or bank-transfer purchase (credits once, only by
 * that payment's trainer), giving and taking back credits (never below zero, only for active
 * clients), the balances the trainer sees, and setting prices and the cancellation policy.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bucketSums, connectAll, createUsers, key, openDb, rpc, rpcOk, setPricing, type Db } from '../helpers/bookings.js';
import { startTestStack, type TestStack } from '../helpers/stack.js';
import { serviceClient, type TestUser } from '../helpers/users.js';

let stack: TestStack;
let db: Db;
let T: TestUser; // trainer of A and B
let U: TestUser; // another trainer, of B only
let A: TestUser;
let B: TestUser;
let S: TestUser; // a client of nobody

beforeAll(async () => {
  stack = await startTestStack();
  db = openDb(stack);
  [T, U] = (await createUsers(stack, 'trainer', 2)) as [TestUser, TestUser];
  [A, B, S] = (await createUsers(stack, 'client', 3)) as [TestUser, TestUser, TestUser];
  await connectAll([T], [A, B]);
  await connectAll([U], [B]);
  await setPricing(T, {});
  await setPricing(U, {});
}, 90_000);

afterAll(async () => {
  await db?.end();
  await stack?.stop();
});

const buy = async (client: TestUser, trainer: TestUser, pack: 'single' | 'pack5' = 'pack5') =>
  (
    await rpcOk<{ payment: { id: string } }>(client.client, 'start_credit_purchase', {
      p_trainer_id: trainer.id,
      p_pack: pack,
      p_idempotency_key: key(),
    })
  ).payment.id;

async function paymentState(id: string): Promise<{ status: string; ledger: number }> {
  const { rows } = await db.query<{ status: string; ledger: number }>(
    `select p.status, (select coalesce(sum(l.delta), 0)::int from public.credit_ledger l where l.payment_id = p.id) as ledger
     from public.payments p where p.id = $1`,
    [id],
  );
  return rows[0] as { status: string; ledger: number };
}

describe('a cash or bank-transfer purchase', () => {
  it('the trainer marks it received: the credits arrive once, and a retry or second tap adds nothing', async () => {
    const payment = await buy(A, T);
    const k = key();
    const first = await rpcOk<{ credits_granted: number; balance: number; replayed: boolean }>(T.client, 'confirm_manual_payment', {
      p_payment_id: payment,
      p_idempotency_key: k,
    });
    expect(first).toMatchObject({ credits_granted: 5, balance: 5, replayed: false });
    expect((await rpcOk(T.client, 'confirm_manual_payment', { p_payment_id: payment, p_idempotency_key: k })).replayed).toBe(true);
    const secondTap = await rpcOk<{ credits_granted: number }>(T.client, 'confirm_manual_payment', {
      p_payment_id: payment,
      p_idempotency_key: key(),
    });
    expect(secondTap.credits_granted).toBe(0);
    expect(await paymentState(payment)).toEqual({ status: 'succeeded', ledger: 5 });
    expect((await bucketSums(db, A.id))[T.id]).toBe(5);
  });

  it('only the trainer paid can settle it: not the client, not another trainer', async () => {
    const payment = await buy(B, T, 'single');
    expect((await rpc(B.client, 'confirm_manual_payment', { p_payment_id: payment, p_idempotency_key: key() })).code).toBe('forbidden');
    expect((await rpc(U.client, 'confirm_manual_payment', { p_payment_id: payment, p_idempotency_key: key() })).code).toBe(
      'payment_not_found',
    );
    expect((await rpc(U.client, 'decline_manual_payment', { p_payment_id: payment, p_idempotency_key: key() })).code).toBe(
      'payment_not_found',
    );
    expect(await paymentState(payment)).toEqual({ status: 'pending', ledger: 0 });
  });

  it('declined: the payment fails with no credits, and it cannot be confirmed afterwards', async () => {
    const payment = await buy(B, T, 'single');
    expect(await rpcOk(T.client, 'decline_manual_payment', { p_payment_id: payment, p_idempotency_key: key() })).toMatchObject({
      payment: { status: 'failed' },
    });
    expect((await rpc(T.client, 'confirm_manual_payment', { p_payment_id: payment, p_idempotency_key: key() })).code).toBe(
      'payment_not_pending',
    );
    expect(await paymentState(payment)).toEqual({ status: 'failed', ledger: 0 });
  });

  it('a confirmed payment cannot be declined', async () => {
    const payment = await buy(B, U, 'single');
    await rpcOk(U.client, 'confirm_manual_payment', { p_payment_id: payment, p_idempotency_key: key() });
    expect((await rpc(U.client, 'decline_manual_payment', { p_payment_id: payment, p_idempotency_key: key() })).code).toBe(
      'payment_not_pending',
    );
    expect(await paymentState(payment)).toEqual({ status: 'succeeded', ledger: 1 });
  });

  it('a payment through a card provider is not the trainer’s to settle by hand', async () => {
    const payment = (
      await rpcOk<{ payment: { id: string } }>(A.client, 'start_credit_purchase', {
        p_trainer_id: T.id,
        p_pack: 'single',
        p_idempotency_key: key(),
        p_provider: 'stripe',
      })
    ).payment.id;
    expect((await rpc(T.client, 'confirm_manual_payment', { p_payment_id: payment, p_idempotency_key: key() })).code).toBe('forbidden');
    // The webhook still settles it, through the same code.
    expect(await rpcOk(serviceClient(stack), 'mark_payment_succeeded', { p_payment_id: payment, p_provider_ref: 'pi_9' })).toMatchObject({
      credits_granted: 1,
    });
  });
});

describe('credits given by the trainer', () => {
  it('gives and takes back credits in the client’s bucket with them, with a note the client reads', async () => {
    const before = (await bucketSums(db, B.id))[T.id] ?? 0;
    const given = await rpcOk<{ balance: number }>(T.client, 'adjust_client_credits', {
      p_client_id: B.id,
      p_credits: 3,
      p_note: 'Makeup for the cancelled class',
      p_idempotency_key: key(),
    });
    expect(given.balance).toBe(before + 3);
    const { data } = await B.client.from('credit_ledger').select('delta, reason, note').eq('reason', 'adjustment').eq('trainer_id', T.id);
    expect(data).toContainEqual({ delta: 3, reason: 'adjustment', note: 'Makeup for the cancelled class' });
    expect(
      (await rpcOk<{ balance: number }>(T.client, 'adjust_client_credits', { p_client_id: B.id, p_credits: -1, p_idempotency_key: key() }))
        .balance,
    ).toBe(before + 2);
    expect((await bucketSums(db, B.id))[T.id]).toBe(before + 2);
  });

  it('never takes back more than the client has with them', async () => {
    const has = (await bucketSums(db, B.id))[U.id] ?? 0;
    const refused = await rpc(U.client, 'adjust_client_credits', { p_client_id: B.id, p_credits: -(has + 1), p_idempotency_key: key() });
    expect(refused.code).toBe('no_credits');
    expect(refused.error?.message).toContain(`has ${has} credits with you`);
    expect((await bucketSums(db, B.id))[U.id] ?? 0).toBe(has);
  });

  it('refuses strangers, clients, zero and out-of-range amounts, and long notes', async () => {
    expect((await rpc(T.client, 'adjust_client_credits', { p_client_id: S.id, p_credits: 1, p_idempotency_key: key() })).code).toBe(
      'not_your_client',
    );
    expect((await rpc(A.client, 'adjust_client_credits', { p_client_id: A.id, p_credits: 10, p_idempotency_key: key() })).code).toBe(
      'forbidden',
    );
    for (const credits of [0, 101, -101]) {
      expect((await rpc(T.client, 'adjust_client_credits', { p_client_id: A.id, p_credits: credits, p_idempotency_key: key() })).code).toBe(
        'invalid_argument',
      );
    }
    expect(
      (await rpc(T.client, 'adjust_client_credits', { p_client_id: A.id, p_credits: 1, p_note: 'x'.repeat(201), p_idempotency_key: key() }))
        .code,
    ).toBe('invalid_argument');
  });

  it('a retried gift (same key) is one entry', async () => {
    const before = (await bucketSums(db, A.id))[T.id] ?? 0;
    const k = key();
    await rpcOk(T.client, 'adjust_client_credits', { p_client_id: A.id, p_credits: 2, p_idempotency_key: k });
    expect((await rpcOk(T.client, 'adjust_client_credits', { p_client_id: A.id, p_credits: 2, p_idempotency_key: k })).replayed).toBe(true);
    expect((await bucketSums(db, A.id))[T.id]).toBe(before + 2);
  });
});

describe('balances the trainer sees', () => {
  it('lists each active client with what they hold with this trainer and their plan credits, nobody else', async () => {
    await db.query(
      `insert into public.credit_ledger (client_id, trainer_id, delta, reason, note) values ($1, null, 4, 'adjustment', 'plan')`,
      [A.id],
    );
    const rows = await rpcOk<Array<{ client_id: string; with_trainer: number; platform: number }>>(T.client, 'trainer_client_balances', {});
    const sums = await Promise.all([A, B].map((c) => bucketSums(db, c.id)));
    expect(rows.sort((x, y) => x.client_id.localeCompare(y.client_id))).toEqual(
      [A, B]
        .map((c, i) => ({ client_id: c.id, with_trainer: sums[i]?.[T.id] ?? 0, platform: sums[i]?.platform ?? 0 }))
        .sort((x, y) => x.client_id.localeCompare(y.client_id)),
    );
    expect(rows.find((r) => r.client_id === A.id)?.platform).toBe(4);
    expect((await rpc(A.client, 'trainer_client_balances', {})).code).toBe('forbidden');
  });
});

describe('prices and cancellation policy', () => {
  const args = (over: Record<string, unknown> = {}) => ({
    p_currency: 'EUR',
    p_single_cents: 6000,
    p_five_pack_cents: null,
    p_ten_pack_cents: 50000,
    p_cancellation_policy: 'up_to_12h',
    p_free_trial_session: true,
    p_trial_sessions_per_week: 2,
    p_idempotency_key: key(),
    ...over,
  });

  it('saves the one live row; a client then buys at the new price and cannot buy what is no longer sold', async () => {
    await rpcOk(T.client, 'set_trainer_pricing', args());
    const { rows } = await db.query(
      `select currency, offers_five_pack, single_session_price_cents, ten_pack_price_cents, cancellation_policy, trial_sessions_per_week
       from public.trainer_pricing where trainer_id = $1 and not deleted`,
      [T.id],
    );
    expect(rows).toEqual([
      {
        currency: 'EUR',
        offers_five_pack: false,
        single_session_price_cents: 6000,
        ten_pack_price_cents: 50000,
        cancellation_policy: 'up_to_12h',
        trial_sessions_per_week: 2,
      },
    ]);
    expect((await rpc(A.client, 'start_credit_purchase', { p_trainer_id: T.id, p_pack: 'pack5', p_idempotency_key: key() })).code).toBe(
      'pack_not_offered',
    );
    const bought = await rpcOk<{ payment: { amount_cents: number; currency: string } }>(A.client, 'start_credit_purchase', {
      p_trainer_id: T.id,
      p_pack: 'pack10',
      p_idempotency_key: key(),
    });
    expect(bought.payment).toMatchObject({ amount_cents: 50000, currency: 'EUR' });
  });

  it('a first save by a trainer with no prices creates the row', async () => {
    const [N] = (await createUsers(stack, 'trainer', 1, 'new trainer')) as [TestUser];
    await rpcOk(N.client, 'set_trainer_pricing', args({ p_currency: 'GBP' }));
    const { rows } = await db.query(`select count(*)::int as n from public.trainer_pricing where trainer_id = $1 and not deleted`, [N.id]);
    expect(rows[0]).toEqual({ n: 1 });
  });

  it('refuses bad values with a message that says which, and keeps the prices it had', async () => {
    for (const [over, text] of [
      [{ p_currency: 'euro' }, 'currency'],
      [{ p_single_cents: -1 }, 'price'],
      [{ p_cancellation_policy: 'never' }, 'cancellation policy'],
      [{ p_trial_sessions_per_week: 51 }, 'trial'],
    ] as const) {
      const refused = await rpc(T.client, 'set_trainer_pricing', args(over));
      expect(refused.code).toBe('invalid_argument');
      expect(refused.error?.message).toContain(text);
    }
    expect((await rpc(A.client, 'set_trainer_pricing', args())).code).toBe('forbidden');
    const { rows } = await db.query(`select currency from public.trainer_pricing where trainer_id = $1 and not deleted`, [T.id]);
    expect(rows).toEqual([{ currency: 'EUR' }]);
  });
});
