/** A deterministic registry of `assets` assets over `clients` clients, as an agency's spreadsheet would list it. */
const KINDS = ['domain', 'hosting', 'certificate', 'licence', 'subscription', 'backup', 'other'];
export const SEARCH_WORDS = ['shop', 'blog', 'portal', 'intranet', 'mail', 'cdn', 'api', 'static', 'crm', 'wiki'];

export function generateRegistryCsv(assets: number, clients: number, now: Date): string {
  const lines = ['Client,Project,Provider,Kind,Identifier,Expiry date,Billing cycle,Renewal price,Currency,Auto renew,Tags'];
  let seed = 42;
  const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  for (let i = 0; i < assets; i++) {
    const client = i % clients;
    const kind = KINDS[i % KINDS.length]!;
    const word = SEARCH_WORDS[Math.floor(rand() * SEARCH_WORDS.length)]!;
    const expires = new Date(now.getTime() + Math.floor(rand() * 400 - 20) * 86_400_000).toISOString().slice(0, 10);
    const price = (Math.floor(rand() * 30000) / 100).toFixed(2);
    lines.push(
      `Client ${String(client).padStart(5, '0')},Site ${i % 3},Provider ${i % 50},${kind},${word}-${i}.client${client}.example,${expires},yearly,${price},EUR,${rand() < 0.7 ? 'yes' : 'no'},${word}`,
    );
  }
  return lines.join('\n');
}
