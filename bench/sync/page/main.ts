/** The benchmark's devices in a real browser: IndexedDB and fetch are Chromium's own. */
import { benchOurs, benchStock, type DeviceTimes, type SyncBenchFixture } from '../devices';
import { putSetLogsStraight } from '../idb-floor';

export type SyncBenchPage = {
  ours: (fixture: SyncBenchFixture) => Promise<DeviceTimes>;
  stock: (fixture: SyncBenchFixture) => Promise<DeviceTimes>;
  putSetLogsStraight: (count: number) => Promise<number>;
};

declare global {
  interface Window {
    syncBench?: SyncBenchPage;
  }
}

window.syncBench = { ours: (fixture) => benchOurs(fixture), stock: (fixture) => benchStock(fixture), putSetLogsStraight };
document.body.dataset.ready = 'true';
