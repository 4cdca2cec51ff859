import type { MonitorKind, MonitorView } from './api.ts';

/**
 * The monitor form's values as the inputs hold them (text and ticks), and the request bodies
 * made from them. An empty number means "the server's default", so defaults live in one place.
 */
export interface Draft {
  kind: MonitorKind;
  text: Record<string, string>;
  flags: Record<string, boolean>;
}

const TEXT_DEFAULTS: Record<string, string> = {
  name: '', intervalSeconds: '60', failureThreshold: '2', clientId: '', projectId: '', assetId: '', parentId: '',
  url: '', method: 'GET', expectedStatus: '200-399', keyword: '', keywordMode: 'present', maxResponseMs: '', username: '', password: '',
  host: '', port: '', recordType: 'A', expected: '', resolver: '', warnDays: '', downDays: '', domain: '', periodSeconds: '3600', graceSeconds: '300',
};

export function newDraft(kind: MonitorKind, preset: Record<string, string> = {}): Draft {
  return { kind, text: { ...TEXT_DEFAULTS, ...preset }, flags: { followRedirects: true, verifyTls: true } };
}

const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));

/** The form filled in from a monitor, to change it. */
export function draftOf(m: MonitorView): Draft {
  const c = m.config as Record<string, unknown>;
  const auth = c.basicAuth as { username?: string } | null | undefined;
  const list = (v: unknown) => (Array.isArray(v) ? v.join(', ') : '');
  const text: Record<string, string> = {
    ...TEXT_DEFAULTS,
    name: m.name, intervalSeconds: str(m.intervalSeconds), failureThreshold: str(m.failureThreshold),
    clientId: str(m.clientId), projectId: str(m.projectId), assetId: str(m.assetId), parentId: str(m.parentId),
  };
  for (const key of ['url', 'method', 'keyword', 'maxResponseMs', 'host', 'port', 'recordType', 'resolver', 'warnDays', 'downDays', 'domain', 'periodSeconds', 'graceSeconds']) {
    if (key in c) text[key] = str(c[key]);
  }
  if ('expectedStatus' in c) text.expectedStatus = list(c.expectedStatus);
  if ('expected' in c) text.expected = list(c.expected);
  text.keywordMode = c.keywordAbsent ? 'absent' : 'present';
  text.username = auth?.username ?? '';
  return { kind: m.kind, text, flags: { followRedirects: c.followRedirects !== false, verifyTls: c.verifyTls !== false } };
}

const number = (v: string | undefined) => (v === undefined || v.trim() === '' ? undefined : Number(v.trim()));
const items = (v: string | undefined) => (v ?? '').split(',').map((s) => s.trim()).filter(Boolean);

/** The settings of the monitor's kind. Changing one, a blank password keeps the stored one. */
export function configOf(d: Draft, changing: boolean): Record<string, unknown> {
  const v = d.text;
  switch (d.kind) {
    case 'http': {
      const basicAuth = v.username?.trim() ? (changing && !v.password ? { username: v.username.trim() } : { username: v.username.trim(), password: v.password ?? '' }) : null;
      return {
        url: v.url?.trim(), method: v.method, expectedStatus: items(v.expectedStatus), keyword: v.keyword?.trim() || null, keywordAbsent: v.keywordMode === 'absent',
        maxResponseMs: number(v.maxResponseMs) ?? null, followRedirects: d.flags.followRedirects, verifyTls: d.flags.verifyTls, basicAuth,
      };
    }
    case 'tcp':
      return { host: v.host?.trim(), port: number(v.port) };
    case 'dns':
      return { host: v.host?.trim(), recordType: v.recordType, expected: items(v.expected), resolver: v.resolver?.trim() || null };
    case 'tls':
      return { host: v.host?.trim(), port: number(v.port), warnDays: number(v.warnDays), downDays: number(v.downDays) };
    case 'domain':
      return { domain: v.domain?.trim(), warnDays: number(v.warnDays), downDays: number(v.downDays) };
    case 'heartbeat':
      return { periodSeconds: number(v.periodSeconds), graceSeconds: number(v.graceSeconds) };
  }
}

/** A new monitor: empty choices are left out, so the server fills them in (the client from the asset). */
export function createBody(d: Draft) {
  const v = d.text;
  const ref = (key: string) => v[key] || undefined;
  return {
    kind: d.kind, name: v.name?.trim() || undefined, intervalSeconds: number(v.intervalSeconds), failureThreshold: number(v.failureThreshold),
    clientId: ref('clientId'), projectId: ref('projectId'), assetId: ref('assetId'), parentId: ref('parentId'), config: configOf(d, false),
  };
}

/** A change: an emptied choice is cleared. */
export function patchBody(d: Draft) {
  const v = d.text;
  const ref = (key: string) => v[key] || null;
  return {
    name: v.name?.trim() || undefined, intervalSeconds: number(v.intervalSeconds), failureThreshold: number(v.failureThreshold),
    clientId: ref('clientId'), projectId: ref('projectId'), assetId: ref('assetId'), parentId: ref('parentId'), config: configOf(d, true),
  };
}
