import type { SiteFacts } from '../compile/facts.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SiteModel } from '../model/types.js';

export function checkSite(_facts: SiteFacts, _site: SiteModel): Diagnostic[] {
  return [];
}
