/** Why the waste audit flags an asset. No imports, so the web app uses this very list. */
export const WASTE_CODES = [
  'domain-not-delegated',
  'domain-no-records',
  'domain-parked',
  'hosting-no-live-site',
  'no-active-project',
  'duplicate',
  'auto-renew-retired-project',
] as const;
export type WasteCode = (typeof WASTE_CODES)[number];
