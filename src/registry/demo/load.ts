import type { Actor } from '../../accounts/model.ts';
import type { Deps } from '../../platform/deps.ts';

export async function loadDemoData(_deps: Deps, _actor?: Actor): Promise<Record<string, number> | null> {
  return null;
}
