import { describe, expect, it } from 'vitest';
import { looksParked, type FetchedPage } from './parked.model.ts';

const page = (fields: Partial<FetchedPage>): FetchedPage => ({
  status: 200,
  finalUrl: 'https://example.se/',
  body: '<html><body><h1>Example</h1></body></html>',
  headers: { 'content-type': 'text/html' },
  ...fields,
});

/** A realistic shop page that talks about domains a lot and is not parked. */
const SHOP_PAGE = `<!doctype html><html lang="en"><head><title>Nordic Web Shop – hosting and domains</title>
<script src="/assets/app.js"></script><style>body{font-family:sans-serif}</style></head><body>
<nav><a href="/">Home</a> <a href="/domains">Domains</a> <a href="/hosting">Hosting</a> <a href="/cart">Cart</a></nav>
<h1>Find the perfect domain for your business</h1>
<p>Search for a domain name and buy this domain together with a hosting plan to get the first year free.
Every domain comes with free DNS management, email forwarding and an SSL certificate.
Transfer your existing domain to us in minutes. Our support team answers within one hour, every day of the year.</p>
<h2>New: managed WordPress</h2><p>Our new managed WordPress plans are coming soon. Sign up to be told first.</p>
${'<article><h3>Product</h3><p>Quality hosting with daily backups, staging sites, and one-click restore for every plan we sell.</p></article>'.repeat(12)}
<footer><p>© 2026 Nordic Web Shop AB. Domain registration is subject to the registry's terms.</p></footer>
</body></html>`;

describe('looksParked', () => {
  it('recognises a for-sale lander by its words', () => {
    const verdict = looksParked(page({ body: '<html><body><h1>example.se</h1><p>This domain is for sale!</p></body></html>' }));
    expect(verdict).toEqual({ parked: true, evidence: ['says the domain is for sale'] });
  });

  it('recognises a registrar parking page', () => {
    const body = '<html><body><p>This domain is parked free of charge.</p><img src="https://img1.wsimg.com/parking-lander/logo.svg"></body></html>';
    const verdict = looksParked(page({ body }));
    expect(verdict.parked).toBe(true);
    expect(verdict.evidence).toEqual(['uses the GoDaddy parking template', 'says the domain is parked']);
  });

  it('recognises a redirect to a domain marketplace by its host', () => {
    const verdict = looksParked(page({ finalUrl: 'https://www.dan.com/buy-domain/example.se', body: '<html>…</html>' }));
    expect(verdict.evidence).toContain('redirects to www.dan.com, a parking or domain-sale service');
    expect(looksParked(page({ finalUrl: 'https://sedo.com/search/details/?domain=example.se' })).parked).toBe(true);
  });

  it('does not mistake a host that merely ends in the same letters for a parking service', () => {
    expect(looksParked(page({ finalUrl: 'https://jordan.com/' })).parked).toBe(false);
  });

  it('recognises Sedo and Bodis templates by their scripts', () => {
    expect(looksParked(page({ body: '<script src="https://sedoparking.com/frmpark/x.js"></script>' })).evidence).toEqual([
      'uses the Sedo parking template',
    ]);
    expect(looksParked(page({ body: '<script>window.park = "abc";</script>' })).evidence).toEqual(['uses the Bodis parking template']);
  });

  it('recognises the parking header', () => {
    const verdict = looksParked(page({ headers: { 'X-Adblock-Key': 'MFww…' } }));
    expect(verdict).toEqual({ parked: true, evidence: ['sends the parking header x-adblock-key'] });
  });

  it('recognises untouched web server default pages', () => {
    const nginx = '<!DOCTYPE html><html><head><title>Welcome to nginx!</title></head><body><h1>Welcome to nginx!</h1></body></html>';
    expect(looksParked(page({ body: nginx })).evidence).toEqual(['shows the "Welcome to nginx!" default page']);
    const apache = '<title>Apache2 Debian Default Page: It works</title><div>Apache2 Debian Default Page</div>';
    expect(looksParked(page({ body: apache })).evidence).toEqual(['shows the Apache2 default page']);
    expect(looksParked(page({ body: '<html><body><h1>It works!</h1></body></html>' })).parked).toBe(true);
  });

  it('recognises a cPanel placeholder and a short "coming soon" page', () => {
    expect(looksParked(page({ body: '<p>Future home of something quite cool.</p>' })).evidence).toEqual(['shows the cPanel default page']);
    const soon = looksParked(page({ body: '<html><head><title>Coming Soon</title></head><body><h1>Coming soon</h1></body></html>' }));
    expect(soon.parked).toBe(true);
    expect(soon.evidence).toContain('is titled "coming soon"');
    expect(soon.evidence.at(-1)).toMatch(/^has only \d+ words of text$/);
  });

  it('treats an empty successful answer as a placeholder, but not an empty error', () => {
    expect(looksParked(page({ body: '  \n' }))).toEqual({ parked: true, evidence: ['answers with an empty page'] });
    expect(looksParked(page({ status: 502, body: '' })).parked).toBe(false);
  });

  it('does not flag a single-page app whose text is drawn by scripts', () => {
    const spa = '<!doctype html><html><head><script type="module" src="/app.js"></script></head><body><div id="root"></div></body></html>';
    expect(looksParked(page({ body: spa }))).toEqual({ parked: false, evidence: [] });
  });

  it('does not flag a real shop page that talks about buying domains and things coming soon', () => {
    expect(looksParked(page({ finalUrl: 'https://nordicwebshop.se/', body: SHOP_PAGE }))).toEqual({ parked: false, evidence: [] });
  });

  it('flags a long lander when several different selling phrases agree', () => {
    const filler = '<p>Lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor.</p>'.repeat(20);
    const body = `${filler}<p>Buy this domain</p><p>Make an offer</p><h2>Related searches</h2>`;
    const verdict = looksParked(page({ body }));
    expect(verdict.parked).toBe(true);
    expect(verdict.evidence).toEqual(['offers to sell the domain', 'asks for an offer', 'shows a list of related searches, as ad landers do']);
  });

  it('ignores an unreadable final address instead of failing', () => {
    expect(looksParked(page({ finalUrl: 'not a url' })).parked).toBe(false);
  });
});
