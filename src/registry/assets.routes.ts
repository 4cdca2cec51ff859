import { z } from 'zod';
import type { Actor } from '../accounts/model.ts';
import type { Deps } from '../platform/deps.ts';
import { decodeCursor, type Cursor } from '../platform/db/keyset.ts';
import { invalid } from '../platform/http/problem.ts';
import { problems } from '../platform/http/responses.ts';
import type { App } from '../platform/http/server.ts';
import { isCalendarDate } from './assets.model.ts';
import type { AssetInput } from './assets.rules.ts';
import { createAsset, getAsset, listAssets, retireAsset, revealSecret, updateAsset } from './assets.service.ts';
import type { AssetSort } from './assets.store.ts';
import { fromMoneyFields, toAssetView } from './assets.view.ts';
import * as schemas from './schemas.ts';

const tags = ['assets'];
const changeProblems = problems(400, 401, 403, 409, 413, 415);

/**
 * A cursor's value must have the sort column's type. One edited by hand, or taken from a list
 * sorted another way, would otherwise reach SQL, where PostgreSQL rejects it with a 500.
 */
function cursorFitsSort(cursor: Cursor, sort: AssetSort): boolean {
  const v = cursor.value;
  switch (sort) {
    case 'name':
      return typeof v === 'string';
    case 'expiresOn':
      return v === null || (typeof v === 'string' && isCalendarDate(v));
    case 'createdAt':
    case 'updatedAt':
      // Instants are handed out exactly as toISOString() writes them.
      return typeof v === 'string' && !Number.isNaN(Date.parse(v)) && new Date(v).toISOString() === v;
    case 'yearlyCost':
      return Number.isSafeInteger(v);
  }
}

export function assetRoutes(app: App, deps: Deps): void {
  const ctxOf = (req: { actor: Actor; id: string }) => ({ actor: req.actor, requestId: req.id });
  const view = (asset: Parameters<typeof toAssetView>[0]) => toAssetView(asset, deps.now());

  app.get(
    '/api/v1/assets',
    {
      config: { access: 'registry:read' },
      schema: {
        tags,
        summary: 'List assets, filtered and sorted, a page at a time',
        querystring: schemas.assetQuery,
        response: { 200: schemas.assetPage, ...problems(400, 401, 403) },
      },
    },
    async (req) => {
      const { sort, cursor, kind, status, expiresWithin, ...filters } = req.query;
      const sortKey = sort.replace(/^-/, '') as AssetSort;
      const decoded = cursor ? decodeCursor(cursor) : undefined;
      if (decoded === null || (decoded && !cursorFitsSort(decoded, sortKey))) {
        throw invalid([{ field: 'querystring.cursor', message: 'is not a cursor this server gave out' }]);
      }
      const page = await listAssets(deps, req.actor, {
        ...filters,
        kinds: kind,
        statuses: status,
        expiresWithinDays: expiresWithin,
        sort: sortKey,
        direction: sort.startsWith('-') ? 'desc' : 'asc',
        cursor: decoded,
      });
      return { items: page.items.map(view), nextCursor: page.nextCursor };
    },
  );

  app.post(
    '/api/v1/assets',
    { config: { access: 'registry:write' }, schema: { tags, summary: 'Record an asset', body: schemas.assetBody, response: { 201: schemas.assetView, ...changeProblems } } },
    async (req, reply) => reply.code(201).send(view(await createAsset(deps, ctxOf(req), fromMoneyFields(req.body) as AssetInput))),
  );

  app.get(
    '/api/v1/assets/:id',
    { config: { access: 'registry:read' }, schema: { tags, summary: 'One asset', params: schemas.idParams, response: { 200: schemas.assetView, ...problems(400, 401, 403, 404) } } },
    async (req) => view(await getAsset(deps, req.actor, req.params.id)),
  );

  app.patch(
    '/api/v1/assets/:id',
    {
      config: { access: 'registry:write' },
      schema: {
        tags,
        summary: 'Change an asset',
        params: schemas.idParams,
        body: schemas.assetPatch,
        response: { 200: schemas.assetView, ...changeProblems, ...problems(404) },
      },
    },
    async (req) => view(await updateAsset(deps, ctxOf(req), req.params.id, fromMoneyFields(req.body))),
  );

  app.delete(
    '/api/v1/assets/:id',
    {
      config: { access: 'registry:write' },
      schema: {
        tags,
        summary: 'Retire an asset (it stays in the history)',
        params: schemas.idParams,
        response: { 200: schemas.assetView, ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => view(await retireAsset(deps, ctxOf(req), req.params.id)),
  );

  app.post(
    '/api/v1/assets/:id/secrets/:name/reveal',
    {
      config: { access: 'secrets:reveal' },
      schema: {
        tags,
        summary: 'Reveal one secret (audited)',
        params: z.strictObject({ id: z.string().max(64), name: z.string().max(64) }),
        response: { 200: schemas.revealedSecret, ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => ({ name: req.params.name, value: await revealSecret(deps, ctxOf(req), req.params.id, req.params.name) }),
  );
}
