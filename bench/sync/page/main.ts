/** The benchmark's devices in a real browser: IndexedDB and fetch are Chromium's own. */
import { benchOurs, benchStock, type DeviceTimes, type SyncBenchFixture } from '../devices';

export type SyncBenchPage = {
  ours: (fixture: SyncBenchFixture) => Promise<DeviceTimes>;
  stock: (fixture: SyncBenchFixture) => Promise<DeviceTimes>;
};

declare global {
  interface Window {
    syncBench?: SyncBenchPage;
  }
}

window.syncBench = { ours: (fixture) => benchOurs(fixture), stock: (fixture) => benchStock(fixture) };
document.body.dataset.ready = 'true';
