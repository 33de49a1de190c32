/**
 * RxDB's dev-mode plugin and schema validation, for development and tests only. The app imports it
 * only behind `import.meta.env.DEV` (src/db/open.ts), so a production build leaves it out:
 * dev-mode loads a tracking iframe.
 */
import { addRxPlugin, type RxStorage } from 'rxdb';
import { disableWarnings, RxDBDevModePlugin } from 'rxdb/plugins/dev-mode';
import { getAjv, wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';

let added = false;

export async function enableDevMode(storage: RxStorage<unknown, unknown>): Promise<RxStorage<unknown, unknown>> {
  if (!added) {
    disableWarnings();
    addRxPlugin(RxDBDevModePlugin);
    // check_ins.answers holds a string, number, boolean or null per question: a JSON Schema
    // union that ajv's strict mode refuses unless told. Production never validates (no
    // dev-mode), so this only lets the same schema validate here.
    getAjv().opts.allowUnionTypes = true;
    added = true;
  }
  return wrappedValidateAjvStorage({ storage }) as RxStorage<unknown, unknown>;
}
