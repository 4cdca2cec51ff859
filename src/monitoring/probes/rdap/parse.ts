/**
 * Reads an RDAP domain answer (RFC 9083): the expiry (an "expiration" event), the registrar
 * (the entity with the role "registrar", named by its vCard "fn", else its handle) and the
 * statuses. Registries differ a lot, so everything is optional and nothing is invented: a
 * registry that publishes no expiration event gives `expiresOn: null`.
 */
export interface RdapDomainAnswer {
  /** The domain as the registry spells it, lower-cased; null when absent. */
  name: string | null;
  /** YYYY-MM-DD in the registry's own calendar (the date part of its timestamp), or null. */
  expiresOn: string | null;
  registrar: string | null;
  statuses: string[];
}

interface RdapEvent {
  eventAction?: unknown;
  eventDate?: unknown;
}

interface RdapEntity {
  roles?: unknown;
  handle?: unknown;
  vcardArray?: unknown;
}

export class RdapFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RdapFormatError';
  }
}

export function parseDomainAnswer(body: unknown): RdapDomainAnswer {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new RdapFormatError('the answer is not an RDAP object');
  const answer = body as { ldhName?: unknown; events?: unknown; entities?: unknown; status?: unknown };
  return {
    name: typeof answer.ldhName === 'string' ? answer.ldhName.toLowerCase() : null,
    expiresOn: expiryDate(asArray<RdapEvent>(answer.events)),
    registrar: registrarName(asArray<RdapEntity>(answer.entities)),
    statuses: asArray<unknown>(answer.status).filter((status): status is string => typeof status === 'string'),
  };
}

function asArray<T>(value: unknown): T[] {
  return Array.isArray(value) ? (value.filter((item) => typeof item === 'object' || typeof item === 'string') as T[]) : [];
}

function expiryDate(events: RdapEvent[]): string | null {
  const expiration = events.find((event) => typeof event.eventAction === 'string' && event.eventAction.toLowerCase() === 'expiration');
  if (typeof expiration?.eventDate !== 'string') return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(expiration.eventDate.trim());
  if (!match) return null;
  const date = `${match[1]}-${match[2]}-${match[3]}`;
  // Reject impossible dates (2023-02-30) rather than pass on a day that does not exist.
  const time = Date.parse(`${date}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(date) ? date : null;
}

function registrarName(entities: RdapEntity[]): string | null {
  const registrar = entities.find((entity) => Array.isArray(entity.roles) && entity.roles.includes('registrar'));
  if (!registrar) return null;
  return vcardName(registrar.vcardArray) ?? (typeof registrar.handle === 'string' ? registrar.handle : null);
}

/** ["vcard", [["version", {}, "text", "4.0"], ["fn", {}, "text", "MarkMonitor Inc."]]] → "MarkMonitor Inc." */
function vcardName(vcard: unknown): string | null {
  if (!Array.isArray(vcard) || !Array.isArray(vcard[1])) return null;
  for (const property of vcard[1] as unknown[]) {
    if (Array.isArray(property) && property[0] === 'fn' && typeof property[3] === 'string' && property[3].trim() !== '') {
      return property[3].trim();
    }
  }
  return null;
}
