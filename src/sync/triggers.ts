/**
 * When to pull: a Realtime broadcast is only a poke naming a table, never data; the browser
 * coming back online, the app becoming visible, and a timer while Realtime is down do the same.
 */
import type { RealtimeChannel, SupabaseClient } from '@supabase/supabase-js';

/** The parts of `window`/`document` the triggers use (absent in Node tests). */
export type SyncEnvironment = {
  addEventListener: (type: 'online' | 'offline' | 'visibilitychange', listener: () => void) => void;
  removeEventListener: (type: 'online' | 'offline' | 'visibilitychange', listener: () => void) => void;
  isOnline: () => boolean;
  isVisible: () => boolean;
};

export function browserEnvironment(): SyncEnvironment | undefined {
  if (typeof window === 'undefined' || typeof document === 'undefined') return undefined;
  return {
    addEventListener: (type, listener) => (type === 'visibilitychange' ? document : window).addEventListener(type, listener),
    removeEventListener: (type, listener) => (type === 'visibilitychange' ? document : window).removeEventListener(type, listener),
    isOnline: () => navigator.onLine,
    isVisible: () => document.visibilityState === 'visible',
  };
}

export type TriggerHandlers = {
  /** A change in one synced table (a Realtime poke). */
  onTableChanged: (table: string) => void;
  /** A poke for any table, synced or server-decided (bookings, the ledger, payments). */
  onPoke: (table: string) => void;
  /** Everything may have changed (reconnected, back in view, timer). */
  onResync: (reason: 'online' | 'visible' | 'timer' | 'subscribed') => void;
  onOnlineChange: (online: boolean) => void;
  onLiveChange: (live: boolean) => void;
};

export type TriggerOptions = {
  supabase: SupabaseClient | undefined;
  /** The user's private Realtime topic, `user:<id>`. */
  channelName: string;
  tables: readonly string[];
  environment: SyncEnvironment | undefined;
  /** Poll interval while Realtime is down. */
  pollIntervalMs: number;
  handlers: TriggerHandlers;
};

/**
 * Hands the signed-in user's current token to Realtime (supabase-js does it on its auth events,
 * which may come after a channel's join). Never throws: without a token the join is anon.
 */
export async function withRealtimeAuth(supabase: SupabaseClient): Promise<void> {
  try {
    await supabase.realtime.setAuth();
  } catch {
    // Offline or no session: the channel joins as it can and re-joins on reconnect.
  }
}

export function startTriggers(options: TriggerOptions): () => Promise<void> {
  const { handlers, environment } = options;
  let live = false;
  const setLive = (value: boolean) => {
    if (live === value) return;
    live = value;
    handlers.onLiveChange(value);
  };

  let channel: RealtimeChannel | undefined;
  let stopped = false;
  if (options.supabase) {
    // The user's private channel: the server broadcasts a poke naming the table that changed
    // (20261203230000_sync_pokes.sql); RLS on realtime.messages lets only this user join it.
    channel = options.supabase.channel(options.channelName, { config: { private: true } });
    channel.on('broadcast', { event: 'poke' }, (message: { payload?: { table?: unknown } }) => {
      const table = message.payload?.table;
      if (typeof table !== 'string') return;
      if (options.tables.includes(table)) handlers.onTableChanged(table);
      handlers.onPoke(table);
    });
    const subscribing = channel;
    // The join must carry the user's token: a page that restored its session from storage may
    // not have handed it to Realtime yet, and a join without one is served as anon (RLS then
    // lets no change through, with no error).
    void withRealtimeAuth(options.supabase).then(() => {
      if (stopped) return;
      subscribing.subscribe((status) => {
        if (status === 'SUBSCRIBED') {
          setLive(true);
          // Changes made between the last pull and the subscription are not sent as events.
          handlers.onResync('subscribed');
        } else {
          setLive(false);
        }
      });
    });
  }

  const timer = setInterval(() => {
    if (!live && (environment?.isOnline() ?? true)) handlers.onResync('timer');
  }, options.pollIntervalMs);

  const onOnline = () => {
    handlers.onOnlineChange(true);
    handlers.onResync('online');
  };
  const onOffline = () => handlers.onOnlineChange(false);
  const onVisibility = () => {
    if (environment?.isVisible()) handlers.onResync('visible');
  };
  environment?.addEventListener('online', onOnline);
  environment?.addEventListener('offline', onOffline);
  environment?.addEventListener('visibilitychange', onVisibility);

  return async () => {
    stopped = true;
    clearInterval(timer);
    environment?.removeEventListener('online', onOnline);
    environment?.removeEventListener('offline', onOffline);
    environment?.removeEventListener('visibilitychange', onVisibility);
    if (channel && options.supabase) await options.supabase.removeChannel(channel);
  };
}
