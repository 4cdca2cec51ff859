import { expect } from 'vitest';
import type { TestApp } from './app.ts';

/** A request that must succeed; the body it answered (the failing response is in the message). */
export async function ok(t: TestApp, method: string, path: string, token: string, body?: unknown): Promise<any> {
  const res = await t.request(method, path, { token, body });
  expect(res.status, `${method} ${path}: ${res.text}`).toBeLessThan(300);
  return res.body;
}

/** The field paths of a 400 problem, for asserting which fields were refused. */
export function fieldsOf(body: { errors?: { field: string }[] }): string[] {
  return (body.errors ?? []).map((e) => e.field);
}
