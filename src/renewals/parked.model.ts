/**
 * Parked pages: whether what a domain serves is a parking, for-sale or default placeholder page
 * rather than a site someone uses. A pure rule over a page already fetched; fetching is elsewhere.
 *
 * Markers come in two strengths. Strong ones (a parking service's host or script, a server's
 * default-page title, a parking header) are never part of a real site, so one is enough. Phrases
 * ("buy this domain", "coming soon") also occur on real shops and registrars, so they only count
 * on a page with little text, or when several different phrases agree.
 */
export interface FetchedPage {
  status: number;
  /** The address after redirects: parking services often redirect to their own lander. */
  finalUrl: string;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

export interface ParkedVerdict {
  parked: boolean;
  /** Why, in words a person can check by opening the page; empty when nothing was found. */
  evidence: string[];
}

/** Hosts of parking and domain-marketplace services; a redirect to one means the domain is for sale. */
const PARKING_HOSTS = [
  'sedo.com', 'sedoparking.com', 'bodis.com', 'dan.com', 'afternic.com', 'parkingcrew.net',
  'above.com', 'hugedomains.com', 'undeveloped.com', 'domainmarket.com', 'buydomains.com',
  'parklogic.com', 'atom.com', 'squadhelp.com', 'sav.com', 'uniregistry.com', 'porkbun.com',
];

/** Markup only parking templates and servers' untouched default pages contain. */
const STRONG_MARKERS: ReadonlyArray<{ pattern: RegExp; evidence: string }> = [
  { pattern: /sedoparking\.com|sedo\.com\/(?:search|checkdomainoffer)/i, evidence: 'uses the Sedo parking template' },
  { pattern: /bodis\.com|window\.park\s*=/i, evidence: 'uses the Bodis parking template' },
  { pattern: /parkingcrew\.net/i, evidence: 'uses the ParkingCrew parking template' },
  { pattern: /img\d*\.wsimg\.com\/parking-lander|parked free,? courtesy of godaddy/i, evidence: 'uses the GoDaddy parking template' },
  { pattern: /\bdan\.com\/(?:buy-domain|lander)|afternic\.com\/(?:forsale|domain)/i, evidence: 'links to a domain marketplace listing for this domain' },
  { pattern: /<title>\s*welcome to nginx!?\s*<\/title>/i, evidence: 'shows the "Welcome to nginx!" default page' },
  { pattern: /apache2 (?:debian|ubuntu) default page/i, evidence: 'shows the Apache2 default page' },
  { pattern: /<h1>\s*it works!\s*<\/h1>/i, evidence: 'shows the Apache "It works!" default page' },
  { pattern: /test page for the (?:apache http server|nginx http server)/i, evidence: 'shows a web server test page' },
  { pattern: /<title>\s*iis windows server\s*<\/title>/i, evidence: 'shows the IIS default page' },
  { pattern: /future home of something quite cool|cpanel, l\.l\.c\.|cpanel-default/i, evidence: 'shows the cPanel default page' },
  { pattern: /<title>\s*domain default page\s*<\/title>|plesk.{0,40}default page/i, evidence: 'shows the Plesk default page' },
  { pattern: /this domain (?:name )?(?:is|has been) parked|parked (?:free|domain name)/i, evidence: 'says the domain is parked' },
  { pattern: /this domain (?:name )?(?:is|may be) for sale/i, evidence: 'says the domain is for sale' },
];

/** Phrases that also appear on real sites; see the module comment for when they count. */
const PHRASE_MARKERS: ReadonlyArray<{ pattern: RegExp; evidence: string }> = [
  { pattern: /buy this domain|get this domain|purchase this domain/i, evidence: 'offers to sell the domain' },
  { pattern: /make (?:an|us an) offer/i, evidence: 'asks for an offer' },
  { pattern: /related (?:searches|links)/i, evidence: 'shows a list of related searches, as ad landers do' },
  { pattern: /<title>[^<]*(?:coming soon|under construction)[^<]*<\/title>/i, evidence: 'is titled "coming soon"' },
  { pattern: /\b(?:coming soon|under construction)\b/i, evidence: 'says "coming soon"' },
];

/** Below this many words of visible text, a page is a placeholder rather than a site. */
const SMALL_PAGE_WORDS = 150;

/** Headers parking services send: `x-adblock-key` is how Sedo-style landers get ads shown. */
const PARKING_HEADERS = ['x-adblock-key'];

export function looksParked(page: FetchedPage): ParkedVerdict {
  const strong = [...parkingHostEvidence(page.finalUrl), ...parkingHeaderEvidence(page.headers), ...emptyPageEvidence(page)];
  for (const marker of STRONG_MARKERS) if (marker.pattern.test(page.body)) strong.push(marker.evidence);
  if (strong.length > 0) return { parked: true, evidence: unique(strong) };
  return phraseVerdict(page.body);
}

function phraseVerdict(body: string): ParkedVerdict {
  const phrases = unique(PHRASE_MARKERS.filter((m) => m.pattern.test(body)).map((m) => m.evidence));
  if (phrases.length === 0) return { parked: false, evidence: [] };
  const words = visibleWords(body);
  if (words < SMALL_PAGE_WORDS) return { parked: true, evidence: [...phrases, `has only ${words} words of text`] };
  // A long page saying one of these is a real site with a sales line; three different ones is a lander.
  if (phrases.length >= 3) return { parked: true, evidence: phrases };
  return { parked: false, evidence: [] };
}

function parkingHostEvidence(finalUrl: string): string[] {
  let host: string;
  try {
    host = new URL(finalUrl).hostname.toLowerCase().replace(/\.$/, '');
  } catch {
    return [];
  }
  const service = PARKING_HOSTS.find((h) => host === h || host.endsWith(`.${h}`));
  return service ? [`redirects to ${host}, a parking or domain-sale service`] : [];
}

function parkingHeaderEvidence(headers: FetchedPage['headers']): string[] {
  const names = Object.keys(headers).map((n) => n.toLowerCase());
  return PARKING_HEADERS.filter((h) => names.includes(h)).map((h) => `sends the parking header ${h}`);
}

/**
 * An empty successful answer is a placeholder. Only the raw body counts: a single-page app has
 * no visible text before its scripts run, and must not look parked.
 */
function emptyPageEvidence(page: FetchedPage): string[] {
  const successful = page.status >= 200 && page.status < 300;
  return successful && page.body.trim() === '' ? ['answers with an empty page'] : [];
}

/** Words a visitor reads: markup, scripts and styles removed. */
function visibleWords(body: string): number {
  const text = body
    .replace(/<(script|style|noscript)\b[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&[a-z#0-9]+;/gi, ' ');
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

function unique(items: string[]): string[] {
  return [...new Set(items)];
}
