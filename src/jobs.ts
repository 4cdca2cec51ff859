import { purgeExpiredSessions } from './accounts/sessions.ts';
import type { Deps } from './platform/deps.ts';
import type { JobHandlers } from './platform/jobs/model.ts';

/** Every job the workers know, by name: each capability adds its handlers here. */
export function jobHandlers(deps: Deps): JobHandlers {
  return {
    'accounts.purge-sessions': async () => {
      await purgeExpiredSessions(deps);
    },
  };
}
