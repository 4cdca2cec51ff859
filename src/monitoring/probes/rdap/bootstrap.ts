import fs from 'node:fs';
import { z } from 'zod';
import type { Outbound } from '../../../platform/outbound/client.ts';
import { describeError } from '../../../platform/outbound/errors.ts';

/**
 * The IANA RDAP bootstrap for domains (RFC 9224): which registry's RDAP service answers for which
 * TLD. A snapshot ships with Upkeep so domain checks work offline and on first start; `refresh`
 * replaces it with IANA's current file when the network allows, and a failed refresh keeps what
 * was there. The engine calls `refresh` once a day; the file changes a few times a month.
 */
const SNAPSHOT_URL = new URL('./iana-bootstrap-dns.json', import.meta.url);

const documentSchema = z.object({
  publication: z.string().optional(),
  // Each service: [entries, base URLs]; an entry is a TLD ("com") or, rarely, a longer suffix.
  services: z.array(z.tuple([z.array(z.string()), z.array(z.string().min(1)).min(1)]).rest(z.unknown())).min(1),
});

export type BootstrapDocument = z.infer<typeof documentSchema>;

export interface RdapService {
  /** The bootstrap entry that matched: "com", or "" for a catch-all. */
  entry: string;
  /** The base URL to ask (https preferred), ending in "/". */
  baseUrl: string;
}

export type BootstrapRefresh =
  | { refreshed: true; publication: string | null }
  | { refreshed: false; reason: string };

export class RdapBootstrap {
  #services = new Map<string, string>();
  #publication: string | null = null;
  #source = '';

  /** Throws when the document is not a bootstrap file (a snapshot that does not parse is a bug). */
  constructor(document: unknown, source = 'given document') {
    this.#load(document, source);
  }

  /** The bootstrap shipped with Upkeep. */
  static fromSnapshot(): RdapBootstrap {
    return new RdapBootstrap(JSON.parse(fs.readFileSync(SNAPSHOT_URL, 'utf8')), 'snapshot');
  }

  get publication(): string | null {
    return this.#publication;
  }

  /** "snapshot", or the URL of the refresh the services came from. */
  get source(): string {
    return this.#source;
  }

  /** The service for a domain: the longest matching suffix, label by label, then a catch-all if any. */
  serviceFor(domain: string): RdapService | null {
    const labels = domain.toLowerCase().replace(/\.$/, '').split('.');
    for (let i = 0; i <= labels.length; i++) {
      const entry = labels.slice(i).join('.');
      const baseUrl = this.#services.get(entry);
      if (baseUrl !== undefined) return { entry, baseUrl };
    }
    return null;
  }

  /** Fetches the bootstrap from `url` and uses it; on any failure keeps the current one and says why. */
  async refresh(outbound: Outbound, url: string, signal?: AbortSignal): Promise<BootstrapRefresh> {
    try {
      const response = await outbound.request(url, { headers: { accept: 'application/json' }, ...(signal ? { signal } : {}) });
      if (response.status !== 200) return { refreshed: false, reason: `HTTP ${response.status} from ${url}` };
      this.#load(JSON.parse(response.body), url);
      return { refreshed: true, publication: this.#publication };
    } catch (err) {
      const reason = err instanceof SyntaxError || err instanceof z.ZodError ? 'not a bootstrap file' : describeError(err).detail;
      return { refreshed: false, reason };
    }
  }

  #load(document: unknown, source: string): void {
    const parsed = documentSchema.parse(document);
    const services = new Map<string, string>();
    for (const [entries, urls] of parsed.services) {
      const baseUrl = urls.find((url) => url.startsWith('https://')) ?? urls[0];
      if (baseUrl === undefined) continue;
      for (const entry of entries) services.set(entry.toLowerCase(), baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
    }
    this.#services = services;
    this.#publication = parsed.publication ?? null;
    this.#source = source;
  }
}
