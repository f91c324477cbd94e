/**
 * The small YAML reader (src/core/yaml-fast.ts) must give exactly what the `yaml` package gives:
 * the same data and the same key positions, or decline. Held to it on the example repository, the
 * YAML test suite, hand-picked corners and generated documents.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { DeferredPositions } from '../src/core/deferred-positions.js';
import { splitFrontMatter } from '../src/core/frontmatter.js';
import { parseWithYamlPackage } from '../src/core/yaml.js';
import { parseSimpleYaml } from '../src/core/yaml-fast.js';
import { exampleRepo } from './helpers/repo.js';

const SUITE = fileURLToPath(new URL('../../shared/corpus/yaml-test-suite', import.meta.url));

/** Returns whether the fast reader took the text; fails when what it returned differs. */
function agrees(text: string, firstLine = 2): boolean {
  const fast = parseSimpleYaml(text, firstLine);
  if (!fast) return false;
  const full = parseWithYamlPackage(text, firstLine);
  expect(full.problems, text).toEqual([]);
  expect(fast.data, text).toStrictEqual(full.data);
  expect([...fast.positions], text).toStrictEqual([...full.positions]);
  // Positions worked out when first asked for are the same.
  const deferred = parseSimpleYaml(text, firstLine, { deferPositions: true })!;
  expect(deferred.data, text).toStrictEqual(full.data);
  expect([...deferred.positions], text).toStrictEqual([...full.positions]);
  return true;
}

function files(folder: string, name: (file: string) => boolean): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && name(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('the fast YAML reader', () => {
  it('reads every example document and the example config, exactly as the yaml package does', () => {
    const documents = files(exampleRepo, (file) => file.endsWith('.md'));
    expect(documents.length).toBeGreaterThan(10);
    for (const file of documents) {
      const split = splitFrontMatter(readFileSync(file, 'utf8'));
      if (!split.ok) continue;
      expect(agrees(split.parts.yaml), file).toBe(true);
    }
    expect(agrees(readFileSync(join(exampleRepo, 'handoff.config.yaml'), 'utf8'), 1)).toBe(true);
  });

  it.skipIf(!existsSync(SUITE))('agrees with the yaml package on the YAML test suite, or declines', () => {
    let taken = 0;
    for (const file of files(SUITE, (name) => name === 'in.yaml')) {
      if (agrees(readFileSync(file, 'utf8'))) taken++;
    }
    expect(taken).toBeGreaterThan(10);
  });

  it('agrees on the corners of the subset', () => {
    const corners = [
      'a:\n  b: c',
      'a:\n  b: c   # comment\nd: e',
      'a:\n  b: c   # comment',
      'f:   \ng: 1',
      'f:\n\ng: 1',
      'f:',
      'a:\n- x\n- y',
      'a:\n  - x\n  - y\n',
      'a:\n  - id: 1\n    x: [a, b]\n\n',
      'a: x\n  # indented comment\nb: y',
      'a:\n  b: c\n# comment\n  d: e',
      'a:\n  b: c\n  # x',
      'a:\n  - b\n  # x\n',
      'a: [x, "y", {k: v}]   # c',
      'a: {url: http://x, k: a:b}',
      'a: -x',
      'a:\n  -   id: x\n      t: y',
      'a: "x\\ty"',
      "a: 'it''s'",
      'a: [ ]',
      'a: {}',
      'a: [x, ]',
      'a: { k: v, }',
      '1: x\n2: y',
      'a: b #c\n',
      'a:    b   ',
      'a: b:c',
      'a:b',
      'a:b: c',
      'k: v\nab:c',
      'k:\n  a:b',
      'a: x # y # z',
      'a: ~\nb: Null\nc: true\nd: FALSE\ne: 0\nf: 42\ng: 2026-11-02\nh: 2026-11-24T17:30:00Z',
      'items:\n- a:\n- b\nc: d',
      'a:\n  b:\n  - x\n  c: 1',
      '- a',
      'a: b: c',
      'a: 1.5',
      'a: 0x1F',
      'a: 012',
      'a: |\n  text',
      'a: &x 1\nb: *x',
      'a: !tag x',
      'a: b\na: c',
      '__proto__: x',
      'a: "unterminated',
      'a: [x,\n  y]',
      'a: multi\n  line',
      'null: x',
      'a:\tb',
    ];
    const taken = corners.filter((text) => agrees(text, 1)).length;
    expect(taken).toBeGreaterThan(25);
  });

  it('agrees on generated data written out by the yaml package', () => {
    const key = fc.stringMatching(/^[a-z][a-z0-9_-]{0,8}$/);
    const scalar = fc.oneof(
      fc.stringMatching(/^[A-Za-z][A-Za-z0-9 ,.;()'"/:#-]{0,30}$/),
      fc.integer({ min: 0, max: 1_000_000 }),
      fc.boolean(),
      fc.constant(null),
      fc.constantFrom('2026-11-02', '2026-11-24T17:30:00Z', 'no', 'yes', '~', '-x'),
    );
    const { value } = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, scalar, tie('list'), tie('map')),
      list: fc.array(tie('value'), { maxLength: 4 }),
      map: fc.dictionary(key, tie('value'), { maxKeys: 5 }),
    }));
    const document = fc.dictionary(key, value, { minKeys: 1, maxKeys: 8 });
    let taken = 0;
    fc.assert(
      fc.property(document, fc.constantFrom(0, 1, 2, 3), (data, flowLevel) => {
        const text = stringify(data, {
          flowCollectionPadding: flowLevel % 2 === 0,
          collectionStyle: flowLevel === 3 ? 'flow' : 'any',
        });
        if (agrees(text.replace(/\n$/, ''))) taken++;
        agrees(text);
      }),
      { numRuns: 400 },
    );
    expect(taken).toBeGreaterThan(100);
  });

  it('agrees on hand-written layouts: comments, blank lines, spacing, compact and indented lists', () => {
    type Node = string | Node[] | { [key: string]: Node };
    const key = fc.constantFrom('id', 'name', 'a', 'b2', 'key_x', 'x-y', '1', '4', 'stage.id');
    const scalar = fc.constantFrom(
      'plain text',
      'x',
      'yes',
      'null',
      '~',
      '12',
      '2026-11-02',
      "'quoted'",
      '"dq \\"x\\""',
      'a:b',
      'http://x.test/a',
      'R&D',
      '-x',
      '',
    );
    const { node } = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, tie('list'), tie('map')),
      list: fc.array(tie('node'), { minLength: 1, maxLength: 3 }),
      map: fc.dictionary(key, tie('node'), { minKeys: 1, maxKeys: 4 }),
    })) as { node: fc.Arbitrary<Node> };
    interface Style {
      comment: string;
      blank: string;
      gap: string;
      compact: boolean;
      flow: boolean;
      trailing: string;
    }
    const style: fc.Arbitrary<Style> = fc.record({
      comment: fc.constantFrom('', '   # note', ' #x'),
      blank: fc.constantFrom('', '\n', '\n# top comment\n', '\n    # deep comment\n'),
      gap: fc.constantFrom(' ', '  '),
      compact: fc.boolean(),
      flow: fc.boolean(),
      trailing: fc.constantFrom('', ' ', '\n'),
    });
    const flowOf = (value: Node): string | undefined => {
      if (typeof value === 'string') return value === '' || value.startsWith('"') ? undefined : value;
      if (Array.isArray(value)) {
        const items = value.map(flowOf);
        return items.includes(undefined) ? undefined : `[${items.join(', ')}]`;
      }
      const pairs = Object.entries(value).map(([k, v]) => [k, flowOf(v)]);
      return pairs.some(([, v]) => v === undefined)
        ? undefined
        : `{ ${pairs.map(([k, v]) => `${k}: ${v}`).join(', ')} }`;
    };
    const render = (value: Node, indent: number, s: Style): string[] => {
      const pad = ' '.repeat(indent);
      if (Array.isArray(value)) {
        return value.flatMap((item) => {
          if (typeof item === 'string') return [`${pad}-${s.gap}${item}${item ? s.comment : ''}`];
          const inner = render(item, indent + 1 + s.gap.length, s);
          return [`${pad}-${s.gap}${inner[0]!.trimStart()}`, ...inner.slice(1)];
        });
      }
      if (typeof value === 'string') return [`${pad}${value}`];
      return Object.entries(value).flatMap(([k, v]) => {
        if (typeof v === 'string') return [`${pad}${k}:${v === '' ? '' : `${s.gap}${v}${s.comment}`}`];
        const flow = s.flow ? flowOf(v) : undefined;
        if (flow !== undefined) return [`${pad}${k}:${s.gap}${flow}${s.comment}`];
        const childIndent = Array.isArray(v) && s.compact ? indent : indent + 2;
        return [
          `${pad}${k}:`,
          ...render(v, childIndent, s),
          ...(s.blank ? s.blank.split('\n').slice(1, -1) : []),
        ];
      });
    };
    let taken = 0;
    fc.assert(
      fc.property(fc.dictionary(key, node, { minKeys: 1, maxKeys: 6 }), style, (data, s) => {
        const text = render(data as Node, 0, s).join('\n') + s.trailing;
        if (agrees(text)) taken++;
      }),
      { numRuns: 600 },
    );
    expect(taken).toBeGreaterThan(100);
  });

  it('declines or agrees on random YAML-ish text', () => {
    const unit = fc.constantFrom(
      ...'ab1 :-#[]{},"\'|>&*!?%@`~.\\\n'.split(''),
      'id',
      'x: ',
      '\n  ',
      '\n- ',
      '  ',
    );
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 60 }), (units) => {
        agrees(units.join(''));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('positions worked out when first asked for', () => {
  it('works them out once, on first use, and then behaves as the Map it stands for', () => {
    let workedOut = 0;
    const at = (line: number) => ({ key: { line, column: 1 }, value: { line, column: 6 } });
    const positions = new DeferredPositions(() => {
      workedOut++;
      return new Map([
        ['role', at(2)],
        ['stage', at(3)],
      ]);
    });
    expect(workedOut).toBe(0);
    expect(positions.get('stage')).toEqual(at(3));
    expect(positions.has('role')).toBe(true);
    expect(positions.size).toBe(2);
    positions.set('status', at(4));
    positions.delete('role');
    expect([...positions.keys()]).toEqual(['stage', 'status']);
    expect(workedOut).toBe(1);
    // Cleared before first use, nothing is worked out.
    const cleared = new DeferredPositions(() => {
      workedOut++;
      return new Map([['role', at(2)]]);
    });
    cleared.clear();
    expect(cleared.size).toBe(0);
    expect(workedOut).toBe(1);
  });
});
