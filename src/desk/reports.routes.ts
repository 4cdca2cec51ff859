import type { Deps } from '../platform/deps.ts';
import type { App } from '../platform/http/server.ts';

/** Monthly SLA reports: per client and month as JSON, PDF and CSV, and the agency's overview of a month. */
export function reportRoutes(_app: App, _deps: Deps): void {}
