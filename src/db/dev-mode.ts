/**
 * RxDB's dev-mode plugin and schema validation, for development and tests only. The app imports it
 * only behind `import.meta.env.DEV` (src/db/open.ts), so a production build leaves it out:
 * dev-mode loads a tracking iframe.
 */
import { addRxPlugin, type RxStorage } from 'rxdb';
import { disableWarnings, RxDBDevModePlugin } from 'rxdb/plugins/dev-mode';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';

let added = false;

export async function enableDevMode(storage: RxStorage<unknown, unknown>): Promise<RxStorage<unknown, unknown>> {
  if (!added) {
    disableWarnings();
    addRxPlugin(RxDBDevModePlugin);
    added = true;
  }
  return wrappedValidateAjvStorage({ storage }) as RxStorage<unknown, unknown>;
}
