/** A lab of several sites: its plan (./plan.ts), its shared internet (./internet.ts), their types. */
export { coverOf } from './addresses.js';
export { internetSite, sharedUpstreamDevice } from './internet.js';
export { planSharedLab } from './plan.js';
export * from './types.js';
