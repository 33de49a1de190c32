/**
 * The trainer's weekly windows and exceptions. Written straight to Supabase (RLS lets a trainer
 * write their own rows; CHECK constraints and the time-zone trigger guard the values), so it
 * needs a connection; the device's replica shows the current ones offline.
 */
import { formatDate } from '@/lib/dates';
import { useMemo, useState, type FormEvent } from 'react';
import { addAvailabilityException, addAvailabilityWindow, removeAvailability } from './bookings-api';
import { FormField } from '@/lib/ui/FormField';
import type { ExceptionRow, WindowRow } from './booking-replica';
import {
  DAY_NAMES,
  describeWindow,
  exceptionFormModel,
  fieldErrors,
  overlappingWindow,
  timeZoneChoices,
  windowFormModel,
} from './availability-form';

const deviceZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

export function AvailabilityEditor({
  trainerId,
  windows,
  exceptions,
  online,
  onChanged,
}: {
  trainerId: string;
  windows: WindowRow[];
  exceptions: ExceptionRow[];
  online: boolean;
  onChanged: () => void;
}) {
  const zone = windows[0]?.timezone ?? deviceZone();
  const zones = useMemo(() => timeZoneChoices(zone), [zone]);
  const [windowErrors, setWindowErrors] = useState<Record<string, string>>({});
  const [exceptionErrors, setExceptionErrors] = useState<Record<string, string>>({});
  const [wholeDay, setWholeDay] = useState(true);
  const [busy, setBusy] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);

  async function write(action: () => Promise<string | null>): Promise<boolean> {
    setBusy(true);
    setServerError(null);
    try {
      const error = await action();
      if (error) {
        setServerError(error);
        return false;
      }
      onChanged();
      return true;
    } catch (e) {
      setServerError(e instanceof Error ? e.message : String(e));
      return false;
    } finally {
      setBusy(false);
    }
  }

  async function addWindow(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = Object.fromEntries(new FormData(form));
    const parsed = windowFormModel.safeParse(data);
    if (!parsed.success) {
      setWindowErrors(fieldErrors(parsed.error));
      return;
    }
    const w = parsed.data;
    const overlap = overlappingWindow(w, windows);
    if (overlap) {
      setWindowErrors({ startTime: `Overlaps your hours ${describeWindow(overlap)}: change or remove those first` });
      return;
    }
    setWindowErrors({});
    const ok = await write(() => addAvailabilityWindow(trainerId, w));
    if (ok) form.reset();
  }

  async function addException(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const raw = Object.fromEntries(new FormData(form));
    const parsed = exceptionFormModel.safeParse({
      date: raw.date,
      wholeDay,
      startTime: wholeDay ? null : raw.startTime || null,
      endTime: wholeDay ? null : raw.endTime || null,
      timezone: raw.timezone,
      reason: raw.reason ?? '',
    });
    if (!parsed.success) {
      setExceptionErrors(fieldErrors(parsed.error));
      return;
    }
    setExceptionErrors({});
    const e = parsed.data;
    const ok = await write(() => addAvailabilityException(trainerId, e));
    if (ok) form.reset();
  }

  const remove = (table: 'trainer_availability' | 'availability_exceptions', id: string) =>
    void write(() => removeAvailability(table, id));

  return (
    <section className="card availability-list" aria-labelledby="availability-title">
      <h2 id="availability-title">Availability</h2>
      {!online && <p className="notice small">Offline: you can see your availability; changes need a connection.</p>}
      {serverError && (
        <p className="form-error" role="alert">
          The server refused the change: {serverError}
        </p>
      )}
      <h3>Weekly hours</h3>
      {windows.length === 0 ? (
        <p className="empty">No weekly hours yet: clients cannot book you until you add some.</p>
      ) : (
        <ul className="plain-list booking-list">
          {[...windows]
            .sort((a, b) => a.day_of_week - b.day_of_week || a.start_time.localeCompare(b.start_time))
            .map((w) => (
              <li key={w.id} className="booking-row">
                <span>{describeWindow(w)}</span>
                <button
                  type="button"
                  className="danger-outline"
                  disabled={!online || busy}
                  onClick={() => remove('trainer_availability', w.id)}
                  aria-label={`Remove ${describeWindow(w)}`}
                >
                  Remove
                </button>
              </li>
            ))}
        </ul>
      )}
      <form key={`hours-${zone}`} className="window-form" onSubmit={(e) => void addWindow(e)} noValidate aria-label="Add weekly hours">
        <label>
          Day
          <select name="dayOfWeek" defaultValue="1">
            {DAY_NAMES.map((d, i) => (
              <option key={d} value={i}>
                {d}
              </option>
            ))}
          </select>
        </label>
        <FormField label="From" error={windowErrors.startTime} errorId="window-startTime-error">
          {(describedBy) => <input aria-describedby={describedBy} name="startTime" type="time" defaultValue="09:00" required />}
        </FormField>
        <FormField label="To" error={windowErrors.endTime} errorId="window-endTime-error">
          {(describedBy) => <input aria-describedby={describedBy} name="endTime" type="time" defaultValue="12:00" required />}
        </FormField>
        <FormField label="Session (min)" error={windowErrors.sessionMinutes} errorId="window-sessionMinutes-error">
          {(describedBy) => (
            <input
              aria-describedby={describedBy}
              name="sessionMinutes"
              type="number"
              inputMode="numeric"
              min={5}
              max={480}
              defaultValue={60}
            />
          )}
        </FormField>
        <FormField label="Break (min)" error={windowErrors.breakMinutes} errorId="window-breakMinutes-error">
          {(describedBy) => (
            <input
              aria-describedby={describedBy}
              name="breakMinutes"
              type="number"
              inputMode="numeric"
              min={0}
              max={240}
              defaultValue={0}
            />
          )}
        </FormField>
        <FormField label="Time zone" error={windowErrors.timezone} errorId="window-timezone-error">
          {(describedBy) => (
            <select aria-describedby={describedBy} name="timezone" defaultValue={zone}>
              {zones.map((z) => (
                <option key={z} value={z}>
                  {z.replaceAll('_', ' ')}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <button type="submit" className="primary" disabled={!online || busy}>
          Add hours
        </button>
      </form>

      <h3>Days off and exceptions</h3>
      {exceptions.length === 0 ? (
        <p className="empty">No upcoming exceptions.</p>
      ) : (
        <ul className="plain-list booking-list">
          {exceptions.map((e) => {
            const text = `${formatDate(`${e.exception_date}T12:00:00Z`, { weekday: true, timeZone: 'UTC' })} ${
              e.start_time && e.end_time ? `${e.start_time.slice(0, 5)}–${e.end_time.slice(0, 5)}` : 'all day'
            }${e.reason ? ` · ${e.reason}` : ''}`;
            return (
              <li key={e.id} className="booking-row">
                <span>{text}</span>
                <button
                  type="button"
                  className="danger-outline"
                  disabled={!online || busy}
                  onClick={() => remove('availability_exceptions', e.id)}
                  aria-label={`Remove exception ${text}`}
                >
                  Remove
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <form key={`day-off-${zone}`} className="window-form" onSubmit={(e) => void addException(e)} noValidate aria-label="Add an exception">
        <FormField label="Date" error={exceptionErrors.date} errorId="exception-date-error">
          {(describedBy) => <input aria-describedby={describedBy} name="date" type="date" required />}
        </FormField>
        <label className="choice-inline">
          <span>
            <input type="checkbox" checked={wholeDay} onChange={(e) => setWholeDay(e.target.checked)} /> Whole day
          </span>
        </label>
        {!wholeDay && (
          <>
            <label>
              From
              <input name="startTime" type="time" defaultValue="09:00" />
            </label>
            <FormField label="To" error={exceptionErrors.endTime} errorId="exception-endTime-error">
              {(describedBy) => <input aria-describedby={describedBy} name="endTime" type="time" defaultValue="10:00" />}
            </FormField>
          </>
        )}
        <FormField label="Reason (optional)" error={exceptionErrors.reason} errorId="exception-reason-error">
          {(describedBy) => <input aria-describedby={describedBy} name="reason" maxLength={500} />}
        </FormField>
        <input type="hidden" name="timezone" value={zone} />
        <button type="submit" className="primary" disabled={!online || busy}>
          Add exception
        </button>
      </form>
    </section>
  );
}
