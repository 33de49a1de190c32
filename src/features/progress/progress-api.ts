/**
 * The progress feature's server calls that are not sync: saving a trainer's questionnaire
 * (questionnaires are server-decided rows, kept on devices by the progress replica).
 */
import { getSupabase } from '@/lib/supabase';
import { serverInReach } from '@/sync/reachability';
import { checkInFormModel, type CheckInForm } from './check-in-model';
import { refreshCheckInForms } from './progress-store';

/** Saves the trainer's questionnaire (needs the network: forms are not synced rows). */
export async function saveCheckInForm(
  form: Omit<CheckInForm, 'updated_at' | 'deleted'>,
): Promise<{ ok: true } | { ok: false; message: string }> {
  const parsed = checkInFormModel.omit({ updated_at: true, deleted: true }).safeParse(form);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? 'The questionnaire is not valid' };
  const supabase = await getSupabase();
  const { error } = await supabase.from('check_in_forms').upsert({ ...parsed.data, updated_at: new Date().toISOString() });
  if (error)
    return {
      ok: false,
      message: serverInReach() ? error.message : 'You are offline: the questionnaire is saved when you are back online. Try again then.',
    };
  await refreshCheckInForms();
  return { ok: true };
}
