/** The secrets a command needs, checked for every site before anything is rendered or said "ok". */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { InventorySource } from '../inventory/files.js';
import { Locator } from '../inventory/locate.js';
import type { FrozenModel } from '../pipeline.js';
import { checkSecrets } from '../render/secret-check.js';
import { loadSecrets, type SecretStore } from '../render/secrets.js';

/**
 * Loads the secrets (file and environment) and checks every secret the model uses: one located
 * diagnostic per missing or invalid secret. No store when the secrets file cannot be read.
 */
export function checkedSecrets(
  model: FrozenModel,
  sources: readonly InventorySource[],
  file: string | undefined,
): { store?: SecretStore; diagnostics: Diagnostic[] } {
  const loaded = loadSecrets(file);
  if (!loaded.store) return loaded;
  const store = loaded.store;
  const diagnostics = checkSecrets(model.sites, sources, store);
  return { store, diagnostics: new Locator(sources).locate(diagnostics) };
}
