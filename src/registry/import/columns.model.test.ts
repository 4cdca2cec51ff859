import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  checkHeaders,
  fieldKey,
  IMPORT_FIELDS,
  isDomainModExport,
  isImportField,
  missingFields,
  normalizeHeader,
  suggestField,
  suggestMapping,
} from './columns.model.ts';

const domainModSample = new URL('../../../../shared/fixtures/imports/domainmod-import-template-sample.csv', import.meta.url);
const domainModHeaders = readFileSync(domainModSample, 'utf8').split(/\r?\n/)[0]!.split(',');

describe('normalizeHeader', () => {
  it('drops the byte-order mark, case, outer spaces, and reads _ - and spaces alike', () => {
    expect(normalizeHeader('\uFEFFDomain')).toBe('domain');
    expect(normalizeHeader('category ')).toBe('category');
    expect(normalizeHeader('Expiry_Date')).toBe('expiry date');
    expect(normalizeHeader('expiry - date')).toBe('expiry date');
    expect(normalizeHeader('  Renewal   fee ')).toBe('renewal fee');
    expect(normalizeHeader('expiresOn')).toBe('expires on');
    expect(normalizeHeader('renewalPrice')).toBe('renewal price');
  });

  it('gives custom fields and secrets a stable key', () => {
    expect(fieldKey('Hosting Provider')).toBe('hosting_provider');
    expect(fieldKey('Contract no.')).toBe('contract_no');
  });
});

describe('isImportField', () => {
  it('accepts the fields, custom and secret names, and ignore', () => {
    for (const field of IMPORT_FIELDS) expect(isImportField(field)).toBe(true);
    expect(isImportField('custom:contract')).toBe(true);
    expect(isImportField('secret:panel_password')).toBe(true);
    expect(isImportField('ignore')).toBe(true);
    expect(isImportField('custom:')).toBe(false);
    expect(isImportField('expiry')).toBe(false);
  });
});

describe('suggestField', () => {
  it.each([
    ['Domain', 'identifier'],
    ['domain name', 'identifier'],
    ['Expiry date', 'expiresOn'],
    ['expires', 'expiresOn'],
    ['Expiration', 'expiresOn'],
    ['Renewal date', 'expiresOn'],
    ['expiry_date', 'expiresOn'],
    ['Renewal fee', 'renewalPrice'],
    ['renewal_fee', 'renewalPrice'],
    ['fee_currency', 'currency'],
    ['registrar_name', 'provider'],
    ['auto_renewal', 'autoRenew'],
    ['domain_notes', 'notes'],
    ['category ', 'tags'],
    ['Customer', 'client'],
    ['Projects', 'project'],
    ['Owner e-mail', 'owner'],
    ['Price (EUR)', 'cost'],
    ['Domain*', 'identifier'],
    ['expiresOn', 'expiresOn'],
    ['billingCycle', 'billingCycle'],
    ['Panel password', 'secret:panel_password'],
    ['EPP code', 'secret:epp_code'],
    ['custom:Contract number', 'custom:Contract number'],
    ['secret: Root password ', 'secret:Root password'],
    ['Contract number', 'custom:contract_number'],
    ['', 'ignore'],
    ['  ', 'ignore'],
  ])('suggests %j → %s', (header, field) => {
    expect(suggestField(header)).toBe(field);
  });
});

describe('checkHeaders', () => {
  it('reports duplicates and spellings that normalize alike, with column numbers', () => {
    const problems = checkHeaders(['Domain', 'Notes', 'Expiry Date', 'Notes', 'expiry_date', '', '']);
    expect(problems).toEqual([
      {
        kind: 'duplicate',
        headers: ['Notes', 'Notes'],
        columns: [2, 4],
        message: 'The header "Notes" appears 2 times (columns 2, 4); only one of them can be read, so rename the others.',
      },
      {
        kind: 'same-when-normalized',
        headers: ['Expiry Date', 'expiry_date'],
        columns: [3, 5],
        message:
          'The headers "Expiry Date" (column 3) and "expiry_date" (column 5) read as the same name, so they are given the same field; map one of them differently if they hold different things.',
      },
    ]);
  });

  it('finds nothing wrong with the DomainMOD template, trailing space included', () => {
    expect(checkHeaders(domainModHeaders)).toEqual([]);
  });
});

describe('suggestMapping for a spreadsheet', () => {
  it('maps known headers, keeps unknown ones as custom fields and ignores blank ones', () => {
    const suggested = suggestMapping(['Client', 'Domain', 'Registrar', 'Expires', 'Price', 'Currency', 'Contract', '']);
    expect(suggested.format).toBe('spreadsheet');
    expect(suggested.mapping).toEqual({
      Client: 'client',
      Domain: 'identifier',
      Registrar: 'provider',
      Expires: 'expiresOn',
      Price: 'cost',
      Currency: 'currency',
      Contract: 'custom:contract',
      '': 'ignore',
    });
    // A Domain column says the assets are domains; a Registrar column says what the providers are.
    expect(suggested.defaults).toEqual({ kind: 'domain', providerKind: 'registrar' });
  });

  it('suggests no fixed kind when a column gives it', () => {
    const suggested = suggestMapping(['Type', 'Domain', 'Provider']);
    expect(suggested.mapping).toEqual({ Type: 'kind', Domain: 'identifier', Provider: 'provider' });
    expect(suggested.defaults).toEqual({});
  });

  it('passes header problems along', () => {
    expect(suggestMapping(['Notes', 'Notes']).problems.map((p) => p.kind)).toEqual(['duplicate']);
  });
});

describe('missingFields', () => {
  it('needs an identifier column, and a client and a kind from a column or a default', () => {
    expect(missingFields({ Domain: 'identifier' }, { kind: 'domain' })).toEqual(['client']);
    expect(missingFields({ Domain: 'identifier' }, { client: 'Acme', kind: 'domain' })).toEqual([]);
    expect(missingFields({ Customer: 'client', Notes: 'notes', Type: 'kind' }, {})).toEqual(['identifier']);
    expect(missingFields({ Customer: 'client', Domain: 'identifier' }, {})).toEqual(['kind']);
  });
});

describe('the DomainMOD template', () => {
  it('is recognised by its header, and a near miss is not', () => {
    expect(isDomainModExport(domainModHeaders)).toBe(true);
    expect(isDomainModExport(['domain', 'expiry_date', 'renewal_fee', 'fee_currency'])).toBe(false);
  });

  it('gets a full mapping that keeps what belongs to the domain', () => {
    const suggested = suggestMapping(domainModHeaders);
    expect(suggested.format).toBe('domainmod');
    expect(suggested.defaults).toEqual({ kind: 'domain', providerKind: 'registrar' });
    expect(Object.keys(suggested.mapping)).toHaveLength(domainModHeaders.length);
    expect(suggested.mapping).toMatchObject({
      domain: 'identifier',
      expiry_date: 'expiresOn',
      function: 'custom:function',
      auto_renewal: 'autoRenew',
      privacy: 'custom:privacy',
      status: 'status',
      registration_fee: 'custom:registration_fee',
      renewal_fee: 'renewalPrice',
      transfer_fee: 'custom:transfer_fee',
      fee_currency: 'currency',
      domain_notes: 'notes',
      'category ': 'tags',
      category_stakeholder: 'custom:category_stakeholder',
      category_notes: 'ignore',
      hosting_provider: 'custom:hosting_provider',
      hosting_provider_url: 'ignore',
      registrar_name: 'provider',
      registrar_url: 'ignore',
      registrar_account_email_address: 'custom:registrar_account_email',
      registrar_account_username: 'custom:registrar_account_username',
      registrar_account_password: 'secret:registrar_account_password',
      registrar_account_account_id: 'custom:registrar_account_id',
      registrar_account_reseller: 'ignore',
      api_app_name: 'ignore',
      api_key: 'secret:api_key',
      api_secret: 'secret:api_secret',
      api_ip_address: 'ignore',
      domain_ip_address: 'custom:ip_address',
      domain_ip_address_rdns: 'ignore',
      dns_profile_name: 'ignore',
      dns_server_1: 'custom:nameservers',
      dns_server_10: 'custom:nameservers',
      dns_ip_1: 'ignore',
    });
  });

  it('is still recognised with a byte-order mark and other spellings of its headers', () => {
    const respelled = domainModHeaders.map((h, i) => (i === 0 ? `\uFEFF${h.toUpperCase()}` : h.replace(/_/g, ' ')));
    const suggested = suggestMapping(respelled);
    expect(suggested.format).toBe('domainmod');
    expect(suggested.mapping['\uFEFFDOMAIN']).toBe('identifier');
    expect(suggested.mapping['registrar account password']).toBe('secret:registrar_account_password');
  });
});
