import { FORMAT_VERSION } from './schema';

/**
 * Upgrades a document from format version N to N+1, keyed by N. A file of an older version is migrated step by step
 * up to FORMAT_VERSION before validation. Version 1 is the first format, so there are none yet; the first one will be
 * `1: (doc) => ({ ...doc, backarch: 2, … })` in `migrations/001-<name>.ts` plus its line here.
 */
export const MIGRATIONS: Readonly<Record<number, (doc: Record<string, unknown>) => Record<string, unknown>>> = {};

export type MigrationResult = { ok: true; document: Record<string, unknown> } | { ok: false; message: string };

/** Brings a raw document object to FORMAT_VERSION, or says why it cannot. */
export function migrate(raw: Record<string, unknown>): MigrationResult {
  const version = raw.backarch;
  if (version === undefined) {
    return { ok: false, message: `"backarch" (the format version) is required: add "backarch": ${FORMAT_VERSION} at the top of the file` };
  }
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, message: `"backarch" must be the format version, an integer such as ${FORMAT_VERSION}; got ${JSON.stringify(version)}` };
  }
  if (version > FORMAT_VERSION) {
    return {
      ok: false,
      message: `this file uses .backarch.json format version ${version}, but this BackArch reads versions up to ${FORMAT_VERSION}; upgrade BackArch to open it`,
    };
  }
  let document = raw;
  for (let v = version; v < FORMAT_VERSION; v++) {
    const step = MIGRATIONS[v];
    if (!step) return { ok: false, message: `no migration from format version ${v} to ${v + 1}` };
    document = step(document);
  }
  return { ok: true, document };
}
