/**
 * The booking requests in the outbox: waiting to be sent (offline), sending, and the server's
 * answer (booked, or refused with its reason) until the person dismisses it.
 */
import { useState } from 'react';
import type { OutboxRecord } from '@/sync';
import { describeOutboxRecord } from './outbox-outcome';
import { dismissBookingRequest } from './useBookingReplica';

export function RequestOutcomes({ requests }: { requests: OutboxRecord[] }) {
  const [busy, setBusy] = useState<string | null>(null);
  if (requests.length === 0) return null;
  return (
    <section className="card" aria-labelledby="booking-requests-title">
      <h2 id="booking-requests-title">Your requests</h2>
      <ul className="plain-list request-list" aria-live="polite">
        {requests.map((record) => {
          const outcome = describeOutboxRecord(record);
          return (
            <li key={record.key} className={`request request-${outcome.state}`} data-testid="booking-request" data-state={outcome.state}>
              <span className="request-badge" aria-hidden="true">
                {outcome.state === 'done' ? '✓' : outcome.state === 'refused' ? '!' : '…'}
              </span>
              <div className="request-text">
                <p className="request-title">{outcome.title}</p>
                {outcome.detail && <p className="muted small">{outcome.detail}</p>}
              </div>
              {(outcome.state === 'done' || outcome.state === 'refused') && (
                <button
                  type="button"
                  className="request-dismiss"
                  disabled={busy === record.key}
                  aria-label={`Dismiss: ${outcome.title}`}
                  onClick={() => {
                    setBusy(record.key);
                    void dismissBookingRequest(record.key).finally(() => setBusy(null));
                  }}
                >
                  OK
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
