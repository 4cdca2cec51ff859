import { describe, expect, it } from 'vitest';
import { canonicalJson, changedFields, entryHash, GENESIS_HASH, verifyChain, type AuditEntry, type AuditEntryContent } from './model.ts';

function content(n: number, overrides: Partial<AuditEntryContent> = {}): AuditEntryContent {
  return {
    id: `aud_${String(n).padStart(26, '0')}`,
    at: `2026-11-21T10:00:${String(n % 60).padStart(2, '0')}.000Z`,
    actorType: 'user',
    actorId: 'usr_1',
    action: 'asset.updated',
    entityType: 'asset',
    entityId: `ast_${n}`,
    before: '{"notes":""}',
    after: `{"notes":"note ${n}"}`,
    requestId: `req-${n}`,
    ...overrides,
  };
}

/** A valid chain of `count` entries, as the store would write it. */
function chain(count: number): AuditEntry[] {
  const entries: AuditEntry[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= count; seq++) {
    const c = content(seq);
    const hash = entryHash(prev, c);
    entries.push({ ...c, seq, prevHash: prev, hash });
    prev = hash;
  }
  return entries;
}

describe('canonicalJson', () => {
  it('sorts object keys at every depth, so key order never changes a hash', () => {
    const a = { b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } };
    const b = { a: { c: null, d: [3, { y: 2, z: 1 }] }, b: 1 };
    expect(canonicalJson(a)).toBe('{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}');
    expect(canonicalJson(b)).toBe(canonicalJson(a));
  });

  it('keeps array order and distinguishes values', () => {
    expect(canonicalJson([2, 1])).not.toBe(canonicalJson([1, 2]));
    expect(canonicalJson({ a: '1' })).not.toBe(canonicalJson({ a: 1 }));
    expect(canonicalJson({ a: null })).not.toBe(canonicalJson({}));
    expect(canonicalJson('x')).toBe('"x"');
    expect(canonicalJson(null)).toBe('null');
  });
});

describe('entryHash', () => {
  it('is a stable SHA-256 of the previous hash and the content', () => {
    const h = entryHash(GENESIS_HASH, content(1));
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(entryHash(GENESIS_HASH, content(1))).toBe(h);
    // The stored JSON text is hashed byte for byte: even a re-ordered but equal object is a change.
    expect(entryHash(GENESIS_HASH, content(1, { after: '{ "notes":"note 1"}' }))).not.toBe(h);
  });

  it('cannot be fooled by moving text from one field to the next', () => {
    const a = content(1, { action: 'a', entityType: 'bc' });
    const b = content(1, { action: 'ab', entityType: 'c' });
    expect(entryHash(GENESIS_HASH, a)).not.toBe(entryHash(GENESIS_HASH, b));
  });

  it('changes with any field of the content or with the previous hash', () => {
    const h = entryHash(GENESIS_HASH, content(1));
    expect(entryHash('f'.repeat(64), content(1))).not.toBe(h);
    expect(entryHash(GENESIS_HASH, content(1, { after: '{"notes":"note 2"}' }))).not.toBe(h);
    expect(entryHash(GENESIS_HASH, content(1, { actorId: 'usr_2' }))).not.toBe(h);
    expect(entryHash(GENESIS_HASH, content(1, { requestId: null }))).not.toBe(h);
    expect(entryHash(GENESIS_HASH, content(1, { at: '2026-11-21T10:00:01.001Z' }))).not.toBe(h);
  });
});

describe('verifyChain', () => {
  it('accepts an intact chain and counts it', () => {
    expect(verifyChain(chain(5))).toEqual({ ok: true, checked: 5 });
    expect(verifyChain([])).toEqual({ ok: true, checked: 0 });
  });

  it('continues from a given hash and count, for batched walks', () => {
    const entries = chain(6);
    const first = verifyChain(entries.slice(0, 3));
    expect(first).toEqual({ ok: true, checked: 3 });
    expect(verifyChain(entries.slice(3), entries[2]!.hash, 3)).toEqual({ ok: true, checked: 6 });
    expect(verifyChain(entries.slice(3)).ok).toBe(false);
  });

  it('reports an altered entry as a hash mismatch at its seq', () => {
    const entries = chain(5);
    entries[2] = { ...entries[2]!, after: '{"notes":"changed afterwards"}' };
    expect(verifyChain(entries)).toEqual({ ok: false, checked: 2, firstBadSeq: 3, entryId: entries[2]!.id, reason: 'hash-mismatch' });
  });

  it('reports an entry whose hash was recomputed after editing as a broken link at the next one', () => {
    const entries = chain(5);
    const edited = { ...entries[1]!, actorId: 'usr_intruder' };
    const { seq: _s, prevHash: _p, hash: _h, ...editedContent } = edited;
    entries[1] = { ...edited, hash: entryHash(edited.prevHash, editedContent) };
    expect(verifyChain(entries)).toMatchObject({ ok: false, firstBadSeq: 3, entryId: entries[2]!.id, reason: 'broken-link' });
  });

  it('reports a removed entry as a broken link at the one after it', () => {
    const entries = chain(5);
    const removedMiddle = entries.filter((e) => e.seq !== 3);
    expect(verifyChain(removedMiddle)).toEqual({ ok: false, checked: 2, firstBadSeq: 4, entryId: entries[3]!.id, reason: 'broken-link' });
    const removedFirst = entries.slice(1);
    expect(verifyChain(removedFirst)).toMatchObject({ ok: false, checked: 0, firstBadSeq: 2, reason: 'broken-link' });
  });

  it('reports entries swapped in order', () => {
    const entries = chain(4);
    const swapped = [entries[0]!, entries[2]!, entries[1]!, entries[3]!];
    expect(verifyChain(swapped)).toMatchObject({ ok: false, firstBadSeq: 3, reason: 'broken-link' });
  });
});

describe('changedFields', () => {
  it('keeps only the fields whose values differ', () => {
    const before = { name: 'Acme', notes: '', tags: ['a'], updatedAt: '2026-01-01T00:00:00.000Z' };
    const after = { name: 'Acme', notes: 'VIP', tags: ['a'], updatedAt: '2026-01-02T00:00:00.000Z' };
    expect(changedFields(before, after)).toEqual({
      before: { notes: '', updatedAt: '2026-01-01T00:00:00.000Z' },
      after: { notes: 'VIP', updatedAt: '2026-01-02T00:00:00.000Z' },
    });
  });

  it('compares nested values by content, not by identity or key order', () => {
    const before = { custom: { a: 1, b: 2 }, tags: ['x', 'y'] };
    expect(changedFields(before, { custom: { b: 2, a: 1 }, tags: ['x', 'y'] })).toEqual({ before: {}, after: {} });
    expect(changedFields(before, { custom: { a: 1, b: 3 }, tags: ['y', 'x'] })).toEqual({
      before: { custom: { a: 1, b: 2 }, tags: ['x', 'y'] },
      after: { custom: { a: 1, b: 3 }, tags: ['y', 'x'] },
    });
  });

  it('sees a value set to or from null', () => {
    expect(changedFields<{ expiresOn: string | null }>({ expiresOn: '2026-12-01' }, { expiresOn: null })).toEqual({
      before: { expiresOn: '2026-12-01' },
      after: { expiresOn: null },
    });
    expect(changedFields<{ ownerId: string | null }>({ ownerId: null }, { ownerId: 'usr_1' })).toEqual({
      before: { ownerId: null },
      after: { ownerId: 'usr_1' },
    });
  });
});
