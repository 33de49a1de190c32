/**
 * Opening the signed-in user's device database in the app (browser). Dev-mode follows Vite's
 * `import.meta.env.DEV`, which a production build replaces with `false`, so the dev-mode
 * import is dead code there and the plugin is not in the bundle at all.
 */
import type { RxConflictHandler, RxStorage } from 'rxdb';
import { createDeviceDatabase, type DeviceDatabase } from './database';
import { deviceId } from './device-id';

/** `conflictHandler`: the sync layer's merge (injected: src/db does not import src/sync). */
export function openDeviceDatabase(userId: string, conflictHandler: RxConflictHandler<Record<string, unknown>>): Promise<DeviceDatabase> {
  const devMode = import.meta.env.DEV
    ? async (storage: RxStorage<unknown, unknown>) => (await import('./dev-mode')).enableDevMode(storage)
    : undefined;
  return createDeviceDatabase({ userId, deviceId: deviceId(), devMode, conflictHandler });
}
