/**
 * The --cache file: what makes a file count as unchanged without reading it, what invalidates stored
 * findings, and that a corrupt file is ignored.
 */
import type { Stats } from 'node:fs';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/core/diagnostics.js';
import { CACHE_FILE, type CacheHeader, LintCache, sha1 } from '../src/io/lint-cache.js';
import { readFile, tempDir, writeFiles } from './helpers/repo.js';

const header: CacheHeader = { version: '1.0.0', configHash: sha1('config'), now: '2026-11-25', rules: 'a,b' };
const hourAgo = Date.now() - 3_600_000;
const stats = (size: number, mtimeMs = hourAgo, ctimeMs = hourAgo) => ({ size, mtimeMs, ctimeMs }) as Stats;
const finding: Diagnostic = {
  file: 'roles/a.md',
  line: 3,
  column: 2,
  ruleId: 'a',
  severity: 'warning',
  message: 'm',
};

function saved(root: string, fill: (cache: LintCache) => void): LintCache {
  const cache = LintCache.load(root, header);
  fill(cache);
  cache.save();
  return LintCache.load(root, header);
}

describe('the lint cache', () => {
  it('trusts a remembered hash while size and times are unchanged and older than the cache', () => {
    const root = tempDir();
    const cache = saved(root, (c) => c.rememberHash('roles/a.md', 'h1', stats(10)));
    expect(cache.knownHash('roles/a.md', stats(10))).toBe('h1');
    expect(cache.knownHash('roles/a.md', stats(11))).toBeUndefined();
    expect(cache.knownHash('roles/a.md', stats(10, hourAgo + 1))).toBeUndefined();
    expect(cache.knownHash('roles/b.md', stats(10))).toBeUndefined();
  });

  it('reads again a file changed just before the cache was written (its time may hide a later change)', () => {
    const root = tempDir();
    const now = Date.now();
    const cache = saved(root, (c) => c.rememberHash('roles/a.md', 'h1', stats(10, now, now)));
    expect(cache.knownHash('roles/a.md', stats(10, now, now))).toBeUndefined();
  });

  it('keeps findings under their key, and drops them when the roles, the header or the content change', () => {
    const root = tempDir();
    const fill = (c: LintCache) => {
      c.rememberHash('roles/a.md', 'h1', stats(10));
      c.useRolesKey('roles-1');
      c.setFindings('roles/a.md', 'k1', [finding]);
    };
    const cache = saved(root, fill);
    cache.useRolesKey('roles-1');
    expect(cache.findings('roles/a.md', 'k1')).toEqual([finding]);
    expect(cache.findings('roles/a.md', 'k2')).toBeUndefined();
    cache.rememberHash('roles/a.md', 'h2', stats(12));
    expect(cache.findings('roles/a.md', 'k1')).toBeUndefined();

    const again = saved(root, fill);
    again.useRolesKey('roles-2');
    expect(again.findings('roles/a.md', 'k1')).toBeUndefined();

    saved(root, fill);
    const otherDay = LintCache.load(root, { ...header, now: '2026-11-26' });
    otherDay.useRolesKey('roles-1');
    expect(otherDay.findings('roles/a.md', 'k1')).toBeUndefined();
    // The hashes stay good under another header: no file is read again for a new day.
    expect(otherDay.knownHash('roles/a.md', stats(10))).toBe('h1');
  });

  it('ignores a corrupt or foreign cache file, and writes it only when something changed', () => {
    const root = tempDir();
    writeFiles(root, { [CACHE_FILE]: '{"format":2,"paths":["x"],"hashes":[]' });
    expect(LintCache.load(root, header).knownHash('x', stats(1))).toBeUndefined();
    writeFileSync(join(root, CACHE_FILE), JSON.stringify({ format: 2, paths: ['x'], hashes: [1] }));
    expect(LintCache.load(root, header).knownHash('x', stats(1))).toBeUndefined();
    const cache = LintCache.load(root, header);
    cache.save();
    expect(readFile(root, CACHE_FILE)).toContain('"hashes":[1]');
  });
});
