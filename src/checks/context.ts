/** Shared helpers for checks: every finding is a located diagnostic of the site. */
import type { SiteFacts } from '../compile/facts.js';
import { type Diagnostic, error, type InventoryPath, warning } from '../diagnostics/diagnostic.js';
import type { SiteModel } from '../model/types.js';

export interface CheckContext {
  facts: SiteFacts;
  site: SiteModel;
  /** Device names that share their id with another device: allocation checks skip them. */
  duplicateIds: Set<string>;
}

export type Check = (ctx: CheckContext) => Diagnostic[];

export function finding(
  ctx: CheckContext,
  code: string,
  message: string,
  path: InventoryPath,
  atKey = false,
): Diagnostic {
  return error(code, message, { site: ctx.facts.name, path, atKey });
}

export function notice(ctx: CheckContext, code: string, message: string, path: InventoryPath): Diagnostic {
  return warning(code, message, { site: ctx.facts.name, path });
}
