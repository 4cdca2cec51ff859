import { z } from 'zod';
import type { Actor } from '../accounts/model.ts';
import type { Deps } from '../platform/deps.ts';
import { problems } from '../platform/http/responses.ts';
import type { App } from '../platform/http/server.ts';
import type { Asset } from './assets.model.ts';
import type { AssetInput } from './assets.rules.ts';
import { updateAssets } from './assets.service.ts';
import { toAssetView } from './assets.view.ts';
import { bulkResult } from './schemas.ts';

const tag = z.string().trim().min(1, 'must not be empty').max(50);

const bulkBody = z.strictObject({
  ids: z.array(z.string().min(1).max(64)).min(1, 'choose at least one asset').max(200, 'at most 200 assets at a time'),
  action: z.discriminatedUnion('type', [
    z.strictObject({ type: z.literal('assignOwner'), ownerId: z.string().min(1).max(64).nullable() }),
    z.strictObject({ type: z.literal('addTag'), tag }),
    z.strictObject({ type: z.literal('removeTag'), tag }),
    z.strictObject({ type: z.literal('retire') }),
  ]),
});

type BulkAction = z.infer<typeof bulkBody>['action'];

/** What one bulk action changes on one asset. */
function patchFor(action: BulkAction): (asset: Asset) => Partial<AssetInput> {
  switch (action.type) {
    case 'assignOwner':
      return () => ({ ownerId: action.ownerId });
    case 'addTag':
      return (asset) => ({ tags: [...asset.tags, action.tag] });
    case 'removeTag':
      return (asset) => ({ tags: asset.tags.filter((t) => t !== action.tag.toLowerCase()) });
    case 'retire':
      return () => ({ status: 'retired' });
  }
}

export function assetBulkRoutes(app: App, deps: Deps): void {
  app.post(
    '/api/v1/assets/bulk',
    {
      config: { access: 'registry:write' },
      schema: {
        tags: ['assets'],
        summary: 'The same change to many assets: assign an owner, add or remove a tag, retire (all or none)',
        body: bulkBody,
        response: { 200: bulkResult, ...problems(400, 401, 403, 404, 409, 413, 415) },
      },
    },
    async (req) => {
      const ctx = { actor: req.actor as Actor, requestId: req.id };
      const updated = await updateAssets(deps, ctx, req.body.ids, patchFor(req.body.action));
      return { updated: updated.length, items: updated.map((a) => toAssetView(a, deps.now())) };
    },
  );
}
