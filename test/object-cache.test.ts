import { describe, expect, it } from 'vitest';
import { ObjectCache } from '../src/core/object-cache.js';

describe('ObjectCache', () => {
  it('keeps a value per object, apart from other caches, and lets it be replaced', () => {
    const words = new ObjectCache<object, string[]>('words');
    const lower = new ObjectCache<object, string>('lower');
    const document = { text: 'Ana Lima' };
    expect(words.get(document)).toBeUndefined();
    words.set(document, ['ana', 'lima']);
    lower.set(document, 'ana lima');
    expect(words.get(document)).toEqual(['ana', 'lima']);
    expect(lower.get(document)).toBe('ana lima');
    words.set(document, ['ana']);
    expect(words.get(document)).toEqual(['ana']);
    expect(words.get({ text: 'Ana Lima' })).toBeUndefined();
  });

  it('is invisible to what reads the object: keys, spreading, JSON and equality', () => {
    const cache = new ObjectCache<object, number>('count');
    const document = { path: 'candidates/ana-lima/memo.md' };
    cache.set(document, 3);
    expect(Object.keys(document)).toEqual(['path']);
    expect({ ...document }).toEqual({ path: 'candidates/ana-lima/memo.md' });
    expect(cache.get({ ...document })).toBeUndefined();
    expect(JSON.stringify(document)).toBe('{"path":"candidates/ana-lima/memo.md"}');
  });

  it('caches nothing on a frozen object instead of throwing, even one frozen after caching', () => {
    const cache = new ObjectCache<object, number>('count');
    const frozen = Object.freeze({ path: 'roles/backend-engineer.md' });
    expect(() => cache.set(frozen, 1)).not.toThrow();
    expect(cache.get(frozen)).toBeUndefined();
    const later = { path: 'roles/product-designer.md' };
    cache.set(later, 1);
    Object.freeze(later);
    expect(() => cache.set(later, 2)).not.toThrow();
    expect(cache.get(later)).toBe(1);
  });
});
