import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readText } from '../src/io/read-text.js';
import { tempDir } from './helpers/repo.js';

describe('readText', () => {
  const write = (name: string, content: string | Buffer) => {
    const path = join(tempDir(), name);
    writeFileSync(path, content);
    return path;
  };

  it('reads what readFileSync reads, for short, empty and long files', () => {
    // A long file whose multi-byte characters straddle the 64 KiB the buffer holds.
    const long = `${'a'.repeat(65_535)}ëü—🙂${'Zoë Łukasiewicz\n'.repeat(9000)}`;
    for (const [name, content] of [
      ['short.md', '---\nname: Zoë\n---\n'],
      ['empty.md', ''],
      ['bom.md', '\uFEFF---\nkind: memo\n---\n'],
      ['long.md', long],
    ]) {
      const path = write(name!, content!);
      expect(readText(path)).toBe(readFileSync(path, 'utf8'));
    }
    expect(readText(write('long.md', long))).toBe(long);
  });

  it('decodes bytes that are not UTF-8 as readFileSync does', () => {
    const path = write('binary.md', Buffer.from([0x2d, 0xff, 0xc3, 0x28, 0x00, 0xe2, 0x82]));
    expect(readText(path)).toBe(readFileSync(path, 'utf8'));
  });

  it('throws for a file that is not there, as readFileSync does', () => {
    expect(() => readText(join(tempDir(), 'missing.md'))).toThrow(/ENOENT/);
  });
});
