import { describe, expect, it } from 'vitest';
import type { PaymentRow } from './booking-replica';
import {
  adjustArgs,
  clientCredits,
  currencyForLocale,
  creditsFormError,
  creditsFormModel,
  parsePrice,
  paymentsToConfirm,
  priceText,
  pricingArgs,
  pricingFormDefaults,
  pricingFormModel,
  recentPayments,
} from './trainer-billing';

describe('prices as people type them', () => {
  it.each([
    ['45', 4500],
    ['45.5', 4550],
    ['45.50', 4550],
    ['45,50', 4550],
    [' 1 200 ', 120000],
    ['0', 0],
  ])('%s is %i minor units', (text, cents) => expect(parsePrice(text)).toEqual({ cents }));

  it('empty means not sold', () => expect(parsePrice('  ')).toEqual({ cents: null }));

  it.each([
    ['-20', 'cannot be negative'],
    ['45.505', 'such as 45'],
    ['£45', 'such as 45'],
    ['100000.01', 'At most 100,000'],
  ])('%s is refused: %s', (text, message) => {
    const parsed = parsePrice(text);
    expect('error' in parsed && parsed.error).toContain(message);
  });

  it('shows back without needless decimals', () => {
    expect([priceText(4500), priceText(4550), priceText(5), priceText(null)]).toEqual(['45', '45.50', '0.05', '']);
  });
});

describe('the prices form', () => {
  const base = {
    currency: 'gbp',
    single: '50',
    pack5: '',
    pack10: '400',
    cancellationPolicy: 'up_to_12h',
    freeTrialSession: false,
    trialSessionsPerWeek: '1',
  };

  it('becomes the server function’s arguments, with unsold packs as null and no trials when not offered', () => {
    const parsed = pricingFormModel.parse(base);
    expect(pricingArgs(parsed)).toEqual({
      p_currency: 'GBP',
      p_single_cents: 5000,
      p_five_pack_cents: null,
      p_ten_pack_cents: 40000,
      p_cancellation_policy: 'up_to_12h',
      p_free_trial_session: false,
      p_trial_sessions_per_week: 0,
    });
  });

  it('names the field and the problem', () => {
    const result = pricingFormModel.safeParse({
      ...base,
      single: '-5',
      currency: 'pounds',
      trialSessionsPerWeek: '51',
      freeTrialSession: true,
    });
    expect(result.success).toBe(false);
    const messages = result.error?.issues.map((i) => i.message) ?? [];
    expect(messages).toContain('One session: A price cannot be negative');
    expect(messages).toContain('Use a three-letter currency code, such as GBP, EUR or USD');
    expect(messages).toContain('At most 50 a week');
  });

  it('refuses selling nothing at all', () => {
    const result = pricingFormModel.safeParse({ ...base, single: '', pack10: '' });
    expect(result.error?.issues[0]?.message).toBe('Sell at least one option, or offer a free first session');
  });

  it('starts from the trainer’s prices, or blanks in the device’s currency', () => {
    expect(
      pricingFormDefaults(
        {
          currency: 'EUR',
          single: 6000,
          pack5: null,
          pack10: 50050,
          cancellationPolicy: 'always_free',
          freeTrialSession: true,
          trialSessionsPerWeek: 2,
        },
        'GBP',
      ),
    ).toEqual({
      currency: 'EUR',
      single: '60',
      pack5: '',
      pack10: '500.50',
      cancellationPolicy: 'always_free',
      freeTrialSession: true,
      trialSessionsPerWeek: '2',
    });
    expect(pricingFormDefaults(null, 'GBP')).toMatchObject({ currency: 'GBP', single: '', cancellationPolicy: 'up_to_24h' });
  });
});

describe('giving and taking back credits', () => {
  it('gives as a positive, takes back as a negative, an empty note as none', () => {
    const give = creditsFormModel.parse({ direction: 'give', credits: '3', note: ' makeup ' });
    expect(adjustArgs('c1', give)).toEqual({ p_client_id: 'c1', p_credits: 3, p_note: 'makeup' });
    expect(adjustArgs('c1', creditsFormModel.parse({ direction: 'take', credits: '2', note: '' }))).toEqual({
      p_client_id: 'c1',
      p_credits: -2,
      p_note: null,
    });
  });

  it('refuses what the server would, in words', () => {
    expect(creditsFormModel.safeParse({ direction: 'give', credits: '0', note: '' }).error?.issues[0]?.message).toBe('At least 1 credit');
    expect(creditsFormModel.safeParse({ direction: 'give', credits: '1.5', note: '' }).error?.issues[0]?.message).toBe(
      'Enter a whole number of credits',
    );
    expect(creditsFormModel.safeParse({ direction: 'give', credits: '500', note: '' }).error?.issues[0]?.message).toBe(
      'At most 100 credits at a time',
    );
    const take = creditsFormModel.parse({ direction: 'take', credits: '4', note: '' });
    expect(creditsFormError(take, 3)).toBe('They have 3 with you: take back at most that');
    expect(creditsFormError(take, 0)).toBe('They have no credits with you to take back');
    expect(creditsFormError(take, 4)).toBeNull();
  });
});

describe('payments and balances', () => {
  const payment = (over: Partial<PaymentRow>): PaymentRow => ({
    id: 'p',
    client_id: 'c',
    trainer_id: 't',
    purpose: 'credit_pack',
    amount_cents: 100,
    currency: 'GBP',
    provider: 'manual',
    provider_ref: null,
    status: 'pending',
    credits_purchased: 1,
    paid_at: null,
    created_at: '2026-12-01T10:00:00Z',
    description: null,
    ...over,
  });

  it('lists pending manual purchases oldest first, never card payments or settled ones', () => {
    const list = paymentsToConfirm([
      payment({ id: 'b', created_at: '2026-12-02T10:00:00Z' }),
      payment({ id: 'a' }),
      payment({ id: 'card', provider: 'stripe' }),
      payment({ id: 'done', status: 'succeeded', paid_at: '2026-12-02T11:00:00Z' }),
    ]);
    expect(list.map((p) => p.id)).toEqual(['a', 'b']);
  });

  it('recent settled payments come newest first', () => {
    const list = recentPayments([
      payment({ id: 'old', status: 'succeeded', paid_at: '2026-11-01T10:00:00Z' }),
      payment({ id: 'new', status: 'failed', created_at: '2026-12-02T10:00:00Z' }),
      payment({ id: 'waiting' }),
    ]);
    expect(list.map((p) => p.id)).toEqual(['new', 'old']);
  });

  it('clients by name, unknown balances as null', () => {
    expect(
      clientCredits([
        { id: '2', fullName: 'Zoe', pricing: null, credits: { withTrainer: 3, platform: 1 } },
        { id: '1', fullName: 'Alex', pricing: null },
      ]),
    ).toEqual([
      { id: '1', name: 'Alex', withTrainer: null, platform: null },
      { id: '2', name: 'Zoe', withTrainer: 3, platform: 1 },
    ]);
  });
});

describe('the first currency guess', () => {
  it.each([
    ['en-GB', 'GBP'],
    ['de-DE', 'EUR'],
    ['fr', 'EUR'],
    ['en-US', 'USD'],
    ['en', 'USD'],
    ['sv-SE', 'SEK'],
    ['not a locale', 'USD'],
    [undefined, 'USD'],
  ])('%s → %s', (locale, currency) => expect(currencyForLocale(locale)).toBe(currency));
});
