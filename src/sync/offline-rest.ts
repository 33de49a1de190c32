/**
 * While the device is offline (no network, or the server does not answer), the replications
 * rest: left running, each of them retries its pull every few seconds, all at once, and those
 * bursts of device-database reads compete with the client ticking sets. Instead one small
 * request asks the server now and then (2 s, doubling up to 15 s, and at once when the browser
 * says it is back online or anything asks for a resync); the first answer, to it or to any
 * other request, brings the device back online and the replications resume.
 */
export type OfflineRestOptions = {
  /** Pauses every replication (their queued writes stay queued on the device). */
  pause: () => void;
  /** Resumes them; they pull and push what they missed. */
  resume: () => void;
  /** One request to the server; its answer (or failure) updates whether the device is online. */
  probe: () => Promise<void>;
  firstProbeMs?: number;
  maxProbeMs?: number;
};

export type OfflineRest = {
  /** Tells it whether the device is online now (call on every change). */
  noteOnline: (online: boolean) => void;
  /** Asks the server at once when offline (the browser says it is back, a resync was asked). */
  probeNow: () => void;
  stop: () => void;
};

export function createOfflineRest(options: OfflineRestOptions): OfflineRest {
  const firstDelay = options.firstProbeMs ?? 2000;
  const maxDelay = options.maxProbeMs ?? 15_000;
  let offline = false;
  let stopped = false;
  let delay = firstDelay;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let probing = false;

  const schedule = (ms: number) => {
    clearTimeout(timer);
    timer = setTimeout(probe, ms);
  };

  function probe(): void {
    if (stopped || !offline || probing) return;
    probing = true;
    void options
      .probe()
      .catch(() => undefined)
      .finally(() => {
        probing = false;
        if (stopped || !offline) return;
        delay = Math.min(delay * 2, maxDelay);
        schedule(delay);
      });
  }

  return {
    noteOnline(online) {
      if (stopped || online === !offline) return;
      offline = !online;
      clearTimeout(timer);
      if (offline) {
        options.pause();
        delay = firstDelay;
        schedule(delay);
      } else {
        options.resume();
      }
    },
    probeNow() {
      if (stopped || !offline) return;
      delay = firstDelay;
      clearTimeout(timer);
      probe();
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
