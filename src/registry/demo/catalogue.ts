/**
 * What the demo agency is made of: its staff, the providers it buys from, its clients and the
 * products it resells. Plain data; `agency.ts` turns it into records with a seeded PRNG.
 */
import type { BillingCycle } from '../assets.model.ts';
import type { ProviderKind } from '../clients.model.ts';
import type { DemoUser } from './agency.ts';

export const USERS: DemoUser[] = [
  { key: 'maja', email: 'manager@demo.upkeep.test', name: 'Maja Lindgren (demo)', role: 'manager', locale: 'sv', timeZone: 'Europe/Stockholm' },
  { key: 'tom', email: 'pm@demo.upkeep.test', name: 'Tom Jansen (demo)', role: 'manager', locale: 'nl', timeZone: 'Europe/Amsterdam' },
  { key: 'ella', email: 'viewer@demo.upkeep.test', name: 'Ella Moreau (demo)', role: 'viewer', locale: 'fr', timeZone: 'Europe/Paris' },
];
export const MANAGERS = ['maja', 'tom'];

export const PROVIDERS: [key: string, name: string, kind: ProviderKind][] = [
  ['example-registrar', 'Example Registrar', 'registrar'],
  ['nordic-names', 'Nordic Names', 'registrar'],
  ['tulip-domains', 'Tulip Domains', 'registrar'],
  ['example-hosting', 'Example Hosting', 'host'],
  ['fjord-cloud', 'Fjord Cloud', 'host'],
  ['polder-hosting', 'Polder Hosting', 'host'],
  ['blue-lantern', 'Blue Lantern VPS', 'host'],
  ['backup-vault', 'Example Backup Vault', 'host'],
  ['letsencrypt', "Let's Encrypt", 'ca'],
  ['example-trust', 'Example Trust CA', 'ca'],
  ['example-plugins', 'Example Plugins', 'vendor'],
  ['northstar', 'Northstar Software', 'vendor'],
  ['pixel-foundry', 'Pixel Foundry', 'vendor'],
  ['mailwise', 'Mailwise', 'vendor'],
  ['example-cloud', 'Example Cloud Suite', 'vendor'],
  ['chatterbox', 'Chatterbox', 'vendor'],
  ['example-analytics', 'Example Analytics', 'vendor'],
  ['example-payments', 'Example Payments', 'other'],
  ['ip-watch', 'Example IP Watch', 'other'],
];

export interface ClientSpec {
  name: string;
  slug: string;
  short: string;
  locale: string;
  currency: string;
  people: [name: string, role: string][];
  /** Project name and the host name its site answers on. */
  projects: [name: string, host: string][];
}
export const CLIENTS: ClientSpec[] = [
  { name: 'Nordlys Bakery', slug: 'nordlys-bakery', short: 'nordlys', locale: 'da', currency: 'DKK',
    people: [['Freja Holm', 'owner'], ['Mads Kjær', 'marketing']], projects: [['Website', 'www'], ['Webshop', 'shop'], ['Order intranet', 'intranet']] },
  { name: 'Havnens Fiskehus', slug: 'havnens-fiskehus', short: 'fiskehus', locale: 'da', currency: 'DKK',
    people: [['Søren Dahl', 'owner']], projects: [['Website', 'www'], ['Table booking', 'booking']] },
  { name: 'Fjällgården Hotell', slug: 'fjallgarden-hotell', short: 'fjallgarden', locale: 'sv', currency: 'SEK',
    people: [['Karin Öberg', 'general manager'], ['Erik Sandström', 'IT']], projects: [['Website', 'www'], ['Booking engine', 'booking'], ['Staff intranet', 'intranet'], ['Newsletter', 'news']] },
  { name: 'Skärgårdens Kajak', slug: 'skargardens-kajak', short: 'kajak', locale: 'sv', currency: 'SEK',
    people: [['Linnea Ek', 'owner']], projects: [['Website', 'www'], ['Rental webshop', 'shop']] },
  { name: 'Lindqvist Tandvård', slug: 'lindqvist-tandvard', short: 'lindqvist', locale: 'sv', currency: 'SEK',
    people: [['Anders Lindqvist', 'owner'], ['Sara Nyberg', 'reception']], projects: [['Website', 'www'], ['Patient portal', 'portal'], ['Intranet', 'intranet']] },
  { name: 'Van Dijk Architects', slug: 'van-dijk-architects', short: 'vandijk', locale: 'nl', currency: 'EUR',
    people: [['Pieter van Dijk', 'partner'], ['Noor Bakker', 'office manager']], projects: [['Website', 'www'], ['Portfolio archive', 'archive'], ['Intranet', 'intranet']] },
  { name: 'De Gouden Fiets', slug: 'de-gouden-fiets', short: 'goudenfiets', locale: 'nl', currency: 'EUR',
    people: [['Daan de Vries', 'owner']], projects: [['Webshop', 'shop'], ['Website', 'www'], ['Workshop planner', 'planner']] },
  { name: 'Café Lumière', slug: 'cafe-lumiere', short: 'lumiere', locale: 'fr', currency: 'EUR',
    people: [['Camille Roux', 'gérante']], projects: [['Website', 'www'], ['Online ordering', 'order']] },
  { name: 'Atelier Marchand', slug: 'atelier-marchand', short: 'marchand', locale: 'fr', currency: 'EUR',
    people: [['Hélène Marchand', 'founder'], ['Julien Petit', 'e-commerce']], projects: [['Website', 'www'], ['Webshop', 'shop'], ['Client extranet', 'extranet']] },
  { name: 'Chocolaterie Lavaux', slug: 'chocolaterie-lavaux', short: 'lavaux', locale: 'fr', currency: 'CHF',
    people: [['Luc Favre', 'director']], projects: [['Webshop', 'shop'], ['Website', 'www'], ['B2B portal', 'b2b']] },
  { name: 'Hartley & Finch Solicitors', slug: 'hartley-finch', short: 'hartleyfinch', locale: 'en', currency: 'GBP',
    people: [['Olivia Hartley', 'senior partner'], ['James Finch', 'practice manager']], projects: [['Website', 'www'], ['Client portal', 'portal'], ['Intranet', 'intranet']] },
  { name: 'Thistle Lane Books', slug: 'thistle-lane-books', short: 'thistlelane', locale: 'en', currency: 'GBP',
    people: [['Fiona Baird', 'owner']], projects: [['Webshop', 'shop'], ['Events site', 'events']] },
];


export interface Product {
  name: string;
  code: string;
  provider: string;
  /** Price range in euro for one cycle. */
  euro: [number, number];
  cycles: BillingCycle[];
  tags: string[];
}
export const product = (name: string, code: string, provider: string, euro: [number, number], cycles: BillingCycle[], tags: string[]): Product => ({ name, code, provider, euro, cycles, tags });

export const HOSTING: Product[] = [
  product('Web hosting Business', 'WEB-BIZ', '', [8, 25], ['monthly', 'yearly'], ['production']),
  product('Managed VPS M', 'VPS-M', '', [25, 60], ['monthly'], ['production', 'critical']),
  product('Managed database S', 'DB-S', '', [15, 40], ['monthly', 'quarterly'], ['production']),
  product('Web hosting Basic', 'WEB-BASIC', '', [5, 10], ['monthly', 'yearly'], ['staging']),
];
export const LICENCES: Product[] = [
  product('Example Forms Pro', 'FORMS', 'example-plugins', [49, 99], ['yearly'], ['wordpress']),
  product('Example Security Pro', 'SECPRO', 'example-plugins', [79, 199], ['yearly', 'multi-year'], ['wordpress', 'security']),
  product('Northstar Page Builder', 'NSPB', 'northstar', [89, 249], ['yearly'], ['wordpress']),
  product('Northstar SEO Premium', 'NSSEO', 'northstar', [69, 199], ['yearly'], ['wordpress', 'marketing']),
  product('Example Backup Plugin', 'BKPLUG', 'example-plugins', [49, 129], ['yearly'], ['wordpress', 'backup']),
  product('Pixel Foundry web fonts', 'PFFONT', 'pixel-foundry', [99, 299], ['one-off', 'yearly'], ['design']),
  product('ShopKit Subscriptions', 'SHOPKIT', 'northstar', [129, 299], ['yearly'], ['ecommerce']),
];
export const SUBSCRIPTIONS: Product[] = [
  product('Mailwise newsletter Growth', 'mailwise', 'mailwise', [9, 49], ['monthly', 'yearly'], ['marketing']),
  product('Example Analytics Team', 'analytics', 'example-analytics', [9, 29], ['monthly', 'yearly'], ['marketing']),
  product('Example Workspace email', 'workspace', 'example-cloud', [5, 7], ['monthly', 'yearly'], ['email', 'critical']),
  product('Example Maps API', 'maps', 'example-cloud', [5, 20], ['monthly'], ['api']),
  product('Chatterbox live chat', 'chatterbox', 'chatterbox', [15, 39], ['monthly', 'quarterly'], ['support']),
  product('Example CDN Pro', 'cdn', 'example-cloud', [10, 40], ['monthly'], ['performance']),
  product('Example Status page', 'status', 'example-analytics', [5, 15], ['monthly', 'quarterly'], ['support']),
  product('Example Site Search', 'search', 'example-analytics', [120, 360], ['yearly'], ['saas']),
];
export const OTHERS: Product[] = [
  product('Trademark watch', 'TM', 'ip-watch', [150, 400], ['yearly'], ['legal']),
  product('Payment gateway account', 'acct', 'example-payments', [0, 25], ['monthly'], ['ecommerce', 'critical']),
  product('Stock photo pack (50 images)', 'PHOTOS', 'pixel-foundry', [49, 199], ['one-off'], ['design']),
  product('Support retainer', 'SLA', '', [1200, 4800], ['yearly'], ['contract']),
  product('DNS hosting (premium zone)', 'DNS', '', [5, 15], ['yearly'], ['dns']),
];
export const BACKUP_STORAGE = product('Offsite backup storage', 'backup', 'backup-vault', [3, 20], ['monthly', 'yearly'], ['backup', 'gdpr']);
