/**
 * The trainer's money screen, as plain functions: the prices form (amounts typed as people type
 * money, "45" or "45.50" or "45,50", to minor units; an empty price is "not sold"), the credits
 * form (give or take back), the purchases waiting for the trainer to say whether the money came,
 * and the clients' balances. The server functions (20261203120000_trainer_billing.sql) check the
 * same bounds; this says it first, in words.
 */
import { z } from 'zod';
import type { OwnPricing, PaymentRow, Person } from './booking-replica';
import { cancellationPolicyModel } from './model';

/** Minor units of a typed amount; null for an empty field; a message for anything else. */
export function parsePrice(text: string): { cents: number | null } | { error: string } {
  const trimmed = text.trim().replace(/\s/g, '');
  if (trimmed === '') return { cents: null };
  if (trimmed.startsWith('-')) return { error: 'A price cannot be negative' };
  const match = /^(\d{1,9})(?:[.,](\d{1,2}))?$/.exec(trimmed);
  if (!match) return { error: 'Enter an amount such as 45 or 45.50' };
  const cents = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  if (cents > 10_000_000) return { error: 'At most 100,000' };
  return { cents };
}

/** Minor units as the form shows them: 4550 → "45.50", 4500 → "45", null → "". */
export function priceText(cents: number | null): string {
  if (cents === null) return '';
  return cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2);
}

const price = (label: string) =>
  z.string().transform((text, ctx) => {
    const parsed = parsePrice(text);
    if ('error' in parsed) {
      ctx.addIssue({ code: 'custom', message: `${label}: ${parsed.error}` });
      return z.NEVER;
    }
    return parsed.cents;
  });

export const pricingFormModel = z
  .object({
    currency: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{3}$/, 'Use a three-letter currency code, such as GBP, EUR or USD'),
    single: price('One session'),
    pack5: price('5 sessions'),
    pack10: price('10 sessions'),
    cancellationPolicy: cancellationPolicyModel,
    freeTrialSession: z.boolean(),
    trialSessionsPerWeek: z.coerce
      .number({ message: 'Enter a whole number' })
      .int('Enter a whole number')
      .min(0, 'Cannot be negative')
      .max(50, 'At most 50 a week'),
  })
  .refine((p) => p.single !== null || p.pack5 !== null || p.pack10 !== null || p.freeTrialSession, {
    path: ['single'],
    message: 'Sell at least one option, or offer a free first session',
  });
export type PricingForm = z.infer<typeof pricingFormModel>;

/** The set_trainer_pricing arguments (without the key, which the outbox adds). */
export function pricingArgs(form: PricingForm): Record<string, unknown> {
  return {
    p_currency: form.currency,
    p_single_cents: form.single,
    p_five_pack_cents: form.pack5,
    p_ten_pack_cents: form.pack10,
    p_cancellation_policy: form.cancellationPolicy,
    p_free_trial_session: form.freeTrialSession,
    p_trial_sessions_per_week: form.freeTrialSession ? form.trialSessionsPerWeek : 0,
  };
}

/** What the form starts with: the trainer's prices, or sensible blanks for a first save. */
export function pricingFormDefaults(own: OwnPricing | null, fallbackCurrency: string) {
  return {
    currency: own?.currency ?? fallbackCurrency,
    single: priceText(own?.single ?? null),
    pack5: priceText(own?.pack5 ?? null),
    pack10: priceText(own?.pack10 ?? null),
    cancellationPolicy: own?.cancellationPolicy ?? ('up_to_24h' as const),
    freeTrialSession: own?.freeTrialSession ?? false,
    trialSessionsPerWeek: String(own?.trialSessionsPerWeek ?? 1),
  };
}

export const POLICY_TEXT: Record<OwnPricing['cancellationPolicy'], string> = {
  always_free: 'Free to cancel any time (the credit is refunded)',
  up_to_24h: 'Refund when cancelled at least 24 hours before',
  up_to_12h: 'Refund when cancelled at least 12 hours before',
};

export const creditsFormModel = z.object({
  direction: z.enum(['give', 'take']),
  credits: z.coerce
    .number({ message: 'Enter a whole number of credits' })
    .int('Enter a whole number of credits')
    .min(1, 'At least 1 credit')
    .max(100, 'At most 100 credits at a time'),
  note: z.string().trim().max(200, 'At most 200 characters'),
});
export type CreditsForm = z.infer<typeof creditsFormModel>;

/** A take-back beyond what the client holds with the trainer is refused here, before the server. */
export function creditsFormError(form: CreditsForm, holds: number): string | null {
  if (form.direction === 'take' && form.credits > holds) {
    return holds === 0 ? 'They have no credits with you to take back' : `They have ${holds} with you: take back at most that`;
  }
  return null;
}

export function adjustArgs(clientId: string, form: CreditsForm): Record<string, unknown> {
  return {
    p_client_id: clientId,
    p_credits: form.direction === 'give' ? form.credits : -form.credits,
    p_note: form.note === '' ? null : form.note,
  };
}

/** Purchases paid by hand (cash, bank transfer) waiting for the trainer, oldest first. */
export function paymentsToConfirm(payments: readonly PaymentRow[]): PaymentRow[] {
  return payments.filter((p) => p.status === 'pending' && p.provider === 'manual').sort((a, b) => a.created_at.localeCompare(b.created_at));
}

/** Settled payments, newest first, at most `limit`. */
export function recentPayments(payments: readonly PaymentRow[], limit = 10): PaymentRow[] {
  return payments
    .filter((p) => p.status !== 'pending')
    .sort((a, b) => (b.paid_at ?? b.created_at).localeCompare(a.paid_at ?? a.created_at))
    .slice(0, limit);
}

export type ClientCredits = { id: string; name: string; withTrainer: number | null; platform: number | null };

/** The trainer's clients by name, with their balances (null until the server has said). */
export function clientCredits(people: readonly Person[]): ClientCredits[] {
  return people
    .map((p) => ({ id: p.id, name: p.fullName, withTrainer: p.credits?.withTrainer ?? null, platform: p.credits?.platform ?? null }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

const EURO_REGIONS = new Set([
  'AT',
  'BE',
  'CY',
  'DE',
  'EE',
  'ES',
  'FI',
  'FR',
  'GR',
  'HR',
  'IE',
  'IT',
  'LT',
  'LU',
  'LV',
  'MT',
  'NL',
  'PT',
  'SI',
  'SK',
]);
const REGION_CURRENCY: Record<string, string> = {
  GB: 'GBP',
  US: 'USD',
  CA: 'CAD',
  AU: 'AUD',
  NZ: 'NZD',
  CH: 'CHF',
  SE: 'SEK',
  NO: 'NOK',
  DK: 'DKK',
  PL: 'PLN',
  IE: 'EUR',
};

/** A first guess at the trainer's currency from the device's language ("en-GB" → GBP); USD when unknown. */
export function currencyForLocale(locale: string | undefined): string {
  let region: string | undefined;
  try {
    region = new Intl.Locale(locale || 'en-US').maximize().region;
  } catch {
    region = undefined;
  }
  if (!region) return 'USD';
  return REGION_CURRENCY[region] ?? (EURO_REGIONS.has(region) ? 'EUR' : 'USD');
}
