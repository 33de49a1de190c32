import { afterEach, describe, expect, it } from 'vitest';
import { markDeviceClosed, useDeviceStore } from '@/lib/device-store';
import type { OutboxRecord } from '@/sync';
import { sendBookingRequest } from './useBookingReplica';

type Enqueued = { fn: string; args: Record<string, unknown>; label: string };

/** The one part of a sync engine sendBookingRequest uses: its outbox. */
function engineWithOutbox(enqueued: Enqueued[]) {
  return {
    outbox: {
      enqueue: async (request: Enqueued) => {
        enqueued.push(request);
        return { key: 'k1', ...request, status: 'pending' } as unknown as OutboxRecord;
      },
      flush: async () => undefined,
    },
  } as never;
}

describe('sendBookingRequest', () => {
  afterEach(() => markDeviceClosed());

  it('waits for the sync engine when the screen is shown before it starts, then queues the request', async () => {
    useDeviceStore.setState({ status: 'ready', userId: 'u1', database: {} as never, engine: null, error: null });
    const enqueued: Enqueued[] = [];
    const sent = sendBookingRequest('respond_to_booking_request', { p_booking_id: 'b1', p_approve: true }, 'Approve b1');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(enqueued).toEqual([]);

    useDeviceStore.setState({ engine: engineWithOutbox(enqueued) });
    await expect(sent).resolves.toMatchObject({ key: 'k1', label: 'Approve b1' });
    expect(enqueued).toEqual([{ fn: 'respond_to_booking_request', args: { p_booking_id: 'b1', p_approve: true }, label: 'Approve b1' }]);
  });

  it('refuses with a clear reason when the device is signed out', async () => {
    markDeviceClosed();
    await expect(sendBookingRequest('cancel_booking', { p_booking_id: 'b1' }, 'Cancel b1')).rejects.toThrow('sign in again');
  });
});
