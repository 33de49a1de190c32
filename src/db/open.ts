/**
 * Opening the signed-in user's device database in the app (browser). Dev-mode follows Vite's
 * `import.meta.env.DEV`, which a production build replaces with `false`, dropping the dev-mode
 * chunk entirely.
 */
import { createDeviceDatabase, type DeviceDatabase } from './database';
import { deviceId } from './device-id';

export function openDeviceDatabase(userId: string): Promise<DeviceDatabase> {
  return createDeviceDatabase({ userId, deviceId: deviceId(), devMode: import.meta.env.DEV });
}
