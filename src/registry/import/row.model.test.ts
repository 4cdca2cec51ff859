import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { suggestMapping, type ColumnMapping } from './columns.model.ts';
import { readRow, type AssetDraft, type RowReading } from './row.model.ts';

const mapping: ColumnMapping = {
  Customer: 'client',
  Projects: 'project',
  Domain: 'identifier',
  Label: 'name',
  Type: 'kind',
  Registrar: 'provider',
  Status: 'status',
  Expires: 'expiresOn',
  Cycle: 'billingCycle',
  Cost: 'cost',
  'Renewal price': 'renewalPrice',
  Currency: 'currency',
  'Auto renew': 'autoRenew',
  Owner: 'owner',
  Tags: 'tags',
  Notes: 'notes',
  Contract: 'custom:contract',
  'Panel password': 'secret:panel_password',
  Internal: 'ignore',
};

function draftOf(reading: RowReading): AssetDraft {
  if (!reading.ok) throw new Error(`expected a draft, got errors: ${JSON.stringify(reading.errors)}`);
  return reading.draft;
}

function errorsOf(reading: RowReading) {
  if (reading.ok) throw new Error(`expected errors, got a draft: ${JSON.stringify(reading.draft)}`);
  return reading.errors;
}

describe('readRow', () => {
  it('reads a complete row into a draft', () => {
    const draft = draftOf(
      readRow(
        {
          Customer: 'Acme AB',
          Projects: 'Web shop; Intranet',
          Domain: 'acme.se',
          Label: 'Acme main domain',
          Type: 'domain name',
          Registrar: 'Loopia',
          Status: 'pending renewal',
          Expires: '31.12.2026',
          Cycle: '2 years',
          Cost: '1 234,50 kr',
          'Renewal price': '1 500',
          Currency: 'sek',
          'Auto renew': 'ja',
          Owner: 'Anna@Agency.example',
          Tags: 'shop, seo',
          Notes: 'Moved from One.com in 2024',
          Contract: 'C-42',
          'Panel password': 's3cret',
          Internal: 'whatever',
        },
        mapping,
        { providerKind: 'registrar' },
      ),
    );
    expect(draft).toEqual<AssetDraft>({
      clientName: 'Acme AB',
      projectNames: ['Web shop', 'Intranet'],
      providerName: 'Loopia',
      providerKind: 'registrar',
      kind: 'domain',
      name: 'Acme main domain',
      identifier: 'acme.se',
      status: 'renewing',
      expiresOn: '2026-12-31',
      billingCycle: 'multi-year',
      cycleMonths: 24,
      currency: 'SEK',
      costAmount: 123450,
      renewalAmount: 150000,
      autoRenew: true,
      ownerEmail: 'anna@agency.example',
      tags: ['shop', 'seo'],
      notes: 'Moved from One.com in 2024',
      customFields: { contract: 'C-42' },
      secrets: { panel_password: 's3cret' },
    });
  });

  it('fills blanks from the defaults and the house rules', () => {
    const draft = draftOf(readRow({ Domain: ' example.org ', Cost: '12' }, mapping, { client: 'Acme', kind: 'domain', currency: 'eur' }));
    expect(draft).toMatchObject({
      clientName: 'Acme',
      identifier: 'example.org',
      name: 'example.org',
      kind: 'domain',
      status: 'active',
      billingCycle: 'yearly',
      cycleMonths: null,
      autoRenew: false,
      currency: 'EUR',
      costAmount: 1200,
      renewalAmount: null,
      expiresOn: null,
      providerName: null,
      providerKind: null,
      ownerEmail: null,
      projectNames: [],
      tags: [],
      notes: '',
      customFields: {},
      secrets: {},
    });
    expect(draftOf(readRow({ Domain: 'a.org' }, mapping, { client: 'Acme', kind: 'domain', billingCycle: 'monthly' })).billingCycle).toBe(
      'monthly',
    );
  });

  it('leaves the currency to the client when the row has no amount and the import no default', () => {
    // Only Domain is in the record: mapped columns missing from it read as blank.
    const draft = draftOf(readRow({ Domain: 'a.org' }, mapping, { client: 'Acme', kind: 'domain' }));
    expect(draft).toMatchObject({ currency: null, expiresOn: null, costAmount: null });
  });

  it('lets a column override a default', () => {
    const draft = draftOf(readRow({ Customer: 'Beta', Domain: 'b.org', Type: 'ssl' }, mapping, { client: 'Acme', kind: 'domain' }));
    expect(draft).toMatchObject({ clientName: 'Beta', kind: 'certificate' });
  });

  it('collects every error of a row, each with its column and reason', () => {
    const errors = errorsOf(
      readRow(
        {
          Customer: '',
          Domain: '',
          Type: 'toaster',
          Expires: '30.02.2026',
          'Auto renew': 'maybe',
          Cost: '-5',
          Currency: 'EUR',
          Owner: 'Anna',
          Cycle: '6 months',
          Status: 'on fire',
        },
        mapping,
        {},
      ),
    );
    expect(errors).toEqual([
      { column: 'Customer', field: 'client', message: 'No client: give this row a client, or choose a default client for the import' },
      { column: 'Domain', field: 'identifier', message: 'No identifier: every asset needs one (a domain name, host name, licence number, …)' },
      {
        column: 'Type',
        field: 'kind',
        message: '"toaster" is not a kind of asset Upkeep knows (domain, hosting, certificate, licence, subscription, backup, other)',
      },
      { column: 'Status', field: 'status', message: '"on fire" is not a status Upkeep knows (active, expiring, expired, renewing, cancelled, retired)' },
      { column: 'Expires', field: 'expiresOn', message: '"30.02.2026" is not a real date: 2026-02 has no day 30' },
      {
        column: 'Cycle',
        field: 'billingCycle',
        message: '"6 months" is every 6 months, which is not a billing cycle Upkeep has (monthly, quarterly, yearly, whole years, one-off)',
      },
      { column: 'Cost', field: 'cost', message: '"-5" is not an amount: amounts cannot be negative' },
      { column: 'Auto renew', field: 'autoRenew', message: '"maybe" is not yes or no (yes/no, true/false, 1/0, on/off, ja/nej, oui/non)' },
      { column: 'Owner', field: 'owner', message: '"Anna" is not an e-mail address' },
    ]);
  });

  it('names no column when no column holds a required field', () => {
    const errors = errorsOf(readRow({ Name: 'x' }, { Name: 'name' }, {}));
    expect(errors).toEqual([
      { column: '', field: 'client', message: 'No client: give this row a client, or choose a default client for the import' },
      { column: '', field: 'identifier', message: 'No identifier: every asset needs one (a domain name, host name, licence number, …)' },
      { column: '', field: 'kind', message: 'No kind: say what the asset is (domain, hosting, certificate, …), or choose a default kind' },
    ]);
  });

  it('refuses an amount whose written currency disagrees with the currency column', () => {
    const errors = errorsOf(readRow({ Domain: 'a.org', Cost: '9.99 USD', Currency: 'EUR' }, mapping, { client: 'Acme', kind: 'domain' }));
    expect(errors).toEqual([{ column: 'Cost', field: 'cost', message: '"9.99 USD" is in USD but the currency column says EUR' }]);
    const dollars = errorsOf(readRow({ Domain: 'a.org', 'Renewal price': '$12', Currency: 'EUR' }, mapping, { client: 'A', kind: 'domain' }));
    expect(dollars[0]).toMatchObject({ column: 'Renewal price', message: '"$12" is in USD but the currency column says EUR' });
  });

  it('accepts a shared symbol that the currency column says how to read', () => {
    const draft = draftOf(readRow({ Domain: 'a.ca', Cost: '$12', Currency: 'CAD' }, mapping, { client: 'A', kind: 'domain' }));
    expect(draft).toMatchObject({ currency: 'CAD', costAmount: 1200 });
  });

  it('takes the currency from the amounts when there is no currency column, overriding the default', () => {
    const draft = draftOf(readRow({ Domain: 'a.org', Cost: '£5' }, mapping, { client: 'A', kind: 'domain', currency: 'EUR' }));
    expect(draft).toMatchObject({ currency: 'GBP', costAmount: 500 });
  });

  it('refuses a cost and a renewal price in different currencies', () => {
    const errors = errorsOf(readRow({ Domain: 'a.org', Cost: '5 EUR', 'Renewal price': '6 USD' }, mapping, { client: 'A', kind: 'domain' }));
    expect(errors).toEqual([
      { column: 'Renewal price', field: 'renewalPrice', message: '"6 USD" is in USD but the cost is in EUR; an asset has one currency' },
    ]);
  });

  it('refuses an amount without any currency, and a bad default currency', () => {
    const errors = errorsOf(readRow({ Domain: 'a.org', Cost: '5' }, mapping, { client: 'A', kind: 'domain' }));
    expect(errors).toEqual([
      {
        column: 'Cost',
        field: 'cost',
        message: '"5" is not an amount: no currency is given: write it (9.99 EUR) or give a currency column or default currency',
      },
    ]);
    const badDefault = errorsOf(readRow({ Domain: 'a.org' }, mapping, { client: 'A', kind: 'domain', currency: 'Euro' }));
    expect(badDefault).toEqual([{ column: 'Currency', field: 'currency', message: 'The default currency "Euro" is not an ISO 4217 code' }]);
  });

  it('gathers list fields from several columns and flags disagreeing single-value columns', () => {
    const twoColumns: ColumnMapping = {
      Domain: 'identifier',
      Host: 'identifier',
      Category: 'tags',
      Labels: 'tags',
      Notes: 'notes',
      Remarks: 'notes',
      'NS 1': 'custom:nameservers',
      'NS 2': 'custom:nameservers',
      'NS 3': 'custom:nameservers',
      'Project A': 'project',
      'Project B': 'project',
    };
    const record = {
      Domain: 'a.org',
      Host: 'a.org',
      Category: 'Shop',
      Labels: 'seo|shop',
      Notes: 'first',
      Remarks: 'second',
      'NS 1': 'ns1.example.net',
      'NS 2': 'ns2.example.net',
      'NS 3': '',
      'Project A': 'Web',
      'Project B': 'Blog, web',
    };
    const draft = draftOf(readRow(record, twoColumns, { client: 'A', kind: 'domain' }));
    expect(draft).toMatchObject({
      identifier: 'a.org',
      tags: ['Shop', 'seo'],
      notes: 'first\nsecond',
      customFields: { nameservers: 'ns1.example.net, ns2.example.net' },
      projectNames: ['Web', 'Blog'],
    });
    const errors = errorsOf(readRow({ ...record, Host: 'b.org' }, twoColumns, { client: 'A', kind: 'domain' }));
    expect(errors).toEqual([
      { column: 'Host', field: 'identifier', message: 'says "b.org" but column "Domain" says "a.org"; keep one of them' },
    ]);
  });

  it('gives the provider a kind only when the row has a provider', () => {
    const withKind: ColumnMapping = { Domain: 'identifier', Provider: 'provider', 'Provider type': 'providerKind' };
    const defaults = { client: 'A', kind: 'domain', providerKind: 'registrar' } as const;
    expect(draftOf(readRow({ Domain: 'a.org', Provider: 'Hetzner', 'Provider type': 'Hosting' }, withKind, defaults)).providerKind).toBe('hosting');
    expect(draftOf(readRow({ Domain: 'a.org', Provider: 'Gandi', 'Provider type': '' }, withKind, defaults)).providerKind).toBe('registrar');
    expect(draftOf(readRow({ Domain: 'a.org', Provider: '', 'Provider type': 'Hosting' }, withKind, defaults))).toMatchObject({
      providerName: null,
      providerKind: null,
    });
  });
});

describe('reading the DomainMOD sample export', () => {
  const sample = readFileSync(new URL('../../../../shared/fixtures/imports/domainmod-import-template-sample.csv', import.meta.url), 'utf8');

  /** What an upload handler does: a byte-order mark dropped, header names kept as written. */
  function readCsv(text: string): { headers: string[]; records: Record<string, string>[] } {
    const rows = parse(text, { bom: true, skip_empty_lines: true }) as string[][];
    const [headers = [], ...cells] = rows;
    return { headers, records: cells.map((row) => Object.fromEntries(headers.map((h, i) => [h, row[i] ?? '']))) };
  }

  function importSample(text = sample) {
    const { headers, records } = readCsv(text);
    const { mapping, defaults } = suggestMapping(headers);
    const readings = records.map((record) => readRow(record, mapping, { ...defaults, client: 'Sample client' }));
    return { headers, records, mapping, defaults, readings };
  }

  const byDomain = (readings: RowReading[]) => new Map(readings.map(draftOf).map((draft) => [draft.identifier, draft]));

  it('reads all ten rows, keeping the header with a trailing space', () => {
    const { headers, readings } = importSample();
    expect(headers).toContain('category ');
    expect(readings).toHaveLength(10);
    expect(readings.filter((r) => !r.ok)).toEqual([]);
  });

  it('reads example.one in full', () => {
    expect(byDomain(importSample().readings).get('example.one')).toEqual<AssetDraft>({
      clientName: 'Sample client',
      projectNames: [],
      providerName: 'Dynadot',
      providerKind: 'registrar',
      kind: 'domain',
      name: 'example.one',
      identifier: 'example.one',
      status: 'active',
      expiresOn: '2025-05-11',
      billingCycle: 'yearly',
      cycleMonths: null,
      currency: 'USD',
      costAmount: null,
      renewalAmount: 200,
      autoRenew: false,
      ownerEmail: null,
      tags: ['Category A'],
      notes: 'The notes for example.one',
      customFields: {
        function: 'Example.one – All information filled out',
        privacy: 'YES',
        registration_fee: '1.55',
        transfer_fee: '3',
        privacy_fee: '2',
        miscellaneous_fee: '1',
        category_stakeholder: 'Stakeholder A',
        hosting_provider: 'Linode',
        registrar_account_owner: 'Owner 1',
        registrar_account_email: 'account_one_email@example.com',
        registrar_account_username: 'username_one',
        registrar_account_id: 'n/a',
        ip_address: '22.33.44.55',
        nameservers: 'ns1.linode.com, ns2.linode.com, ns3.linode.com, ns4.linode.com',
      },
      secrets: {
        registrar_account_password: 'pass1',
        api_key: '9sdfsljdfas8dfasdfijasdlfkasjdfaslkdfj',
        api_secret: 'salkjasd38lsdf8sdf8as9d8fas9d8f',
      },
    });
  });

  it('reads the statuses, yes/no spellings and fees of the other rows', () => {
    const drafts = byDomain(importSample().readings);
    expect(drafts.get('example.two')).toMatchObject({ status: 'active', autoRenew: true, renewalAmount: 392, currency: 'USD' });
    expect(drafts.get('example.three')).toMatchObject({
      status: 'renewing',
      autoRenew: true,
      renewalAmount: 400,
      providerName: 'Linode Domains',
      secrets: { registrar_account_password: 'pass3' },
    });
    expect(drafts.get('example.four')).toMatchObject({ status: 'active', autoRenew: false, renewalAmount: 500 });
    expect(drafts.get('example.seven')).toMatchObject({ expiresOn: null, renewalAmount: 199, currency: 'GBP' });
    expect(drafts.get('example.eight')).toMatchObject({ autoRenew: true, renewalAmount: null, currency: null });
    expect(drafts.get('example.ten')).toMatchObject({ status: 'active', renewalAmount: 1100, currency: 'CAD', providerName: '10Dollar.ca' });
  });

  it('reads a row with only a domain as a bare active domain', () => {
    expect(byDomain(importSample().readings).get('example.nine')).toMatchObject({
      name: 'example.nine',
      kind: 'domain',
      status: 'active',
      expiresOn: null,
      autoRenew: false,
      providerName: null,
      providerKind: null,
      tags: [],
      notes: '',
      customFields: {},
      secrets: {},
    });
  });

  it('reads the same with a byte-order mark and Windows line ends', () => {
    const { headers, readings } = importSample(`\uFEFF${sample.replace(/\n/g, '\r\n')}`);
    expect(headers[0]).toBe('domain');
    expect(readings.map(draftOf)).toEqual(importSample().readings.map(draftOf));
  });

  it('reports bad cells with their column and reason, and reads the rest', () => {
    const { records, mapping, defaults } = importSample();
    const spoiled = {
      ...records[0]!,
      expiry_date: '30.02.2026',
      auto_renewal: 'maybe',
      status: 'on hold',
      renewal_fee: '5 EUR',
    };
    expect(errorsOf(readRow(spoiled, mapping, { ...defaults, client: 'Sample client' }))).toEqual([
      { column: 'expiry_date', field: 'expiresOn', message: '"30.02.2026" is not a real date: 2026-02 has no day 30' },
      { column: 'auto_renewal', field: 'autoRenew', message: '"maybe" is not yes or no (yes/no, true/false, 1/0, on/off, ja/nej, oui/non)' },
      { column: 'status', field: 'status', message: '"on hold" is not a status Upkeep knows (active, expiring, expired, renewing, cancelled, retired)' },
      { column: 'renewal_fee', field: 'renewalPrice', message: '"5 EUR" is in EUR but the currency column says USD' },
    ]);
    const nameless = errorsOf(readRow({ ...records[1]!, domain: '' }, mapping, defaults));
    expect(nameless.map((e) => `${e.column}:${e.field}`)).toEqual([':client', 'domain:identifier']);
  });
});
