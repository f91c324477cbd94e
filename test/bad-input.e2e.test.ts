import { describe, expect, it } from 'vitest';
import { copyOfExample, readFile, runBinary, writeFiles } from './helpers/repo.js';

const profile = 'candidates/ana-lima/profile.md';
const aliasBomb = (() => {
  const lines = ['a: &a [x, x, x, x, x, x, x, x, x]'];
  for (const [i, name] of ['b', 'c', 'd', 'e', 'f', 'g', 'h'].entries()) {
    lines.push(
      `${name}: &${name} [${Array(9)
        .fill(`*${String.fromCharCode(97 + i)}`)
        .join(', ')}]`,
    );
  }
  return lines.join('\n');
})();

/** Each malformed document, the line:column the finding must point at, and words the message must hold. */
const cases: [string, string, string, RegExp][] = [
  ['invalid YAML', '---\nkind: candidate\nid: [ana-lima\n---\n## Summary\n', '3:', /invalid YAML/],
  ['front matter that is not a mapping', '---\n- one\n- two\n---\n', '2:1', /must be a mapping/],
  ['a ---js fence', '---js\nrequire("child_process").execSync("touch pwned")\n---\n', '1:1', /refused/],
  ['a YAML alias bomb', `---\n${aliasBomb}\n---\n`, '2:1', /too many aliases/],
  [
    '__proto__ and constructor keys',
    '---\nkind: candidate\n__proto__: { admin: true }\nconstructor: 1\n---\n',
    '3:1',
    /unknown key "__proto__"/,
  ],
  ['no front matter', '# Ana Lima\n\nNotes.\n', '1:1', /no front matter/],
  ['an empty file', '', '1:1', /is empty/],
  ['a binary file', 'PK\u0003\u0004\u0000\u0000\u0000', '1:1', /not text/],
];

describe('bad documents through the built binary', () => {
  it.each(cases)(
    '%s: a located finding, exit 1, no stack trace, nothing changed',
    (_name, text, position, message) => {
      const repo = copyOfExample(false);
      writeFiles(repo, { [profile]: text });
      const result = runBinary(['lint', '--now', '2026-11-25'], { cwd: repo });
      expect(result.code).toBe(1);
      const line = result.stdout.split('\n').find((l) => message.test(l));
      expect(line, result.stdout).toBeDefined();
      expect(line).toContain(position);
      expect(result.stdout).toContain(profile);
      expect(`${result.stdout}${result.stderr}`).not.toMatch(/\n\s+at .+:\d+:\d+/);
      expect(readFile(repo, profile)).toBe(text);
    },
  );

  it('keeps loading the other documents after a bad one', () => {
    const repo = copyOfExample(false);
    writeFiles(repo, { [profile]: '---\nkind: [\n---\n', 'candidates/li-wei/profile.md': '---\n- x\n---\n' });
    const result = runBinary(['lint', '--format', 'json', '--now', '2026-11-25'], { cwd: repo });
    const files = (JSON.parse(result.stdout) as { filePath: string; errorCount: number }[])
      .filter((file) => file.errorCount > 0)
      .map((file) => file.filePath);
    expect(files).toEqual(expect.arrayContaining([profile, 'candidates/li-wei/profile.md']));
  });

  it('prints a stack trace only with HANDOFF_DEBUG=1', () => {
    const repo = copyOfExample(false);
    writeFiles(repo, { 'handoff.config.yaml': 'organization: [\n' });
    const plain = runBinary(['lint'], { cwd: repo });
    expect(plain.code).toBe(2);
    expect(plain.stderr).not.toMatch(/\n\s+at /);
  });
});
