import type { Deps } from '../../platform/deps.ts';
import type { App } from '../../platform/http/server.ts';

export function importRoutes(_app: App, _deps: Deps): void {}
