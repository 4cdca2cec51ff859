import { expect } from 'vitest';
import type { AssetView } from '../../src/registry/assets.view.ts';
import type { TestApp } from './app.ts';

/** Registry records made through the API, for tests that need a few in place. */
export async function createAsset(t: TestApp, token: string, body: Record<string, unknown>): Promise<AssetView> {
  const res = await t.request('POST', '/api/v1/assets', { token, body });
  expect(res.status, res.text).toBe(201);
  return res.body;
}

export async function createParty(t: TestApp, token: string, what: 'projects' | 'providers', body: Record<string, unknown>): Promise<string> {
  const res = await t.request('POST', `/api/v1/${what}`, { token, body });
  expect(res.status, res.text).toBe(201);
  return res.body.id;
}
