/**
 * Every output format on the same results: stylish for people, ESLint-compatible JSON, GitHub workflow
 * commands with GitHub's escaping, and SARIF 2.1.0 checked against the official schema.
 */
import { existsSync, readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/core/diagnostics.js';
import { allRuleMetas } from '../src/core/lint/engine.js';
import { buildResults } from '../src/core/lint/results.js';
import type { FormatContext } from '../src/formatters/format.js';
import { escapeData, escapeProperty, formatGithub } from '../src/formatters/github.js';
import { formatJson } from '../src/formatters/json.js';
import { formatSarif } from '../src/formatters/sarif.js';
import { formatStylish } from '../src/formatters/stylish.js';

const SARIF_SCHEMA = new URL('../../shared/corpus/sarif/sarif-schema-2.1.0.json', import.meta.url);

const diagnostics: Diagnostic[] = [
  {
    file: 'candidates/ana-lima/profile.md',
    line: 12,
    column: 3,
    endLine: 12,
    endColumn: 8,
    ruleId: 'schema',
    severity: 'error',
    message: '"stage" must be one of sourced, onsite',
  },
  {
    file: 'candidates/ana-lima/profile.md',
    line: 30,
    column: 14,
    ruleId: 'neutral-language',
    severity: 'warning',
    message: '"culture fit" is a judgement; name the behaviour you saw',
  },
  {
    file: 'roles/backend-engineer.md',
    line: 2,
    column: 1,
    ruleId: 'yaml-syntax',
    severity: 'error',
    message: 'invalid YAML: 100% broken\nsecond line',
  },
];

const results = buildResults(diagnostics, [
  'candidates/ana-lima/memo.md',
  'candidates/ana-lima/profile.md',
  'roles/backend-engineer.md',
]);

const rules = [
  {
    id: 'neutral-language',
    defaultSeverity: 'warning' as const,
    description: 'personal judgements and biased phrasing in prose',
  },
];

const context: FormatContext = {
  rules: allRuleMetas(rules.map((meta) => ({ meta, check() {} }))),
  version: '1.2.3',
  color: false,
  pathPrefix: '',
};

describe('stylish', () => {
  it('groups by file, aligns line:column, severity, message and rule, and sums up', () => {
    expect(formatStylish(results, context)).toBe(
      [
        '',
        'candidates/ana-lima/profile.md',
        `  12:3   error    ${'"stage" must be one of sourced, onsite'.padEnd(56)}  schema`,
        '  30:14  warning  "culture fit" is a judgement; name the behaviour you saw  neutral-language',
        '',
        'roles/backend-engineer.md',
        '  2:1  error    invalid YAML: 100% broken second line  yaml-syntax',
        '',
        '✖ 3 problems (2 errors, 1 warning)',
        '',
      ].join('\n'),
    );
  });

  it('prints nothing when there is nothing to report, and singular counts for one', () => {
    expect(formatStylish(buildResults([], ['a.md']), context)).toBe('');
    expect(formatStylish(buildResults([diagnostics[1]!], []), context)).toContain(
      '✖ 1 problem (0 errors, 1 warning)',
    );
  });

  it('colours only when asked to', () => {
    // biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI escapes are what is tested
    const ansi = /\u001b\[/;
    expect(formatStylish(results, { ...context, color: true })).toMatch(ansi);
    expect(formatStylish(results, context)).not.toMatch(ansi);
  });
});

describe('json', () => {
  it("is ESLint's shape: relative paths, severity 2 for errors and 1 for warnings, clean files listed", () => {
    const parsed = JSON.parse(formatJson(results, context));
    expect(parsed).toEqual([
      {
        filePath: 'candidates/ana-lima/memo.md',
        messages: [],
        errorCount: 0,
        warningCount: 0,
        fatalErrorCount: 0,
        fixableErrorCount: 0,
        fixableWarningCount: 0,
      },
      {
        filePath: 'candidates/ana-lima/profile.md',
        messages: [
          {
            ruleId: 'schema',
            severity: 2,
            message: '"stage" must be one of sourced, onsite',
            line: 12,
            column: 3,
            endLine: 12,
            endColumn: 8,
          },
          {
            ruleId: 'neutral-language',
            severity: 1,
            message: '"culture fit" is a judgement; name the behaviour you saw',
            line: 30,
            column: 14,
          },
        ],
        errorCount: 1,
        warningCount: 1,
        fatalErrorCount: 0,
        fixableErrorCount: 0,
        fixableWarningCount: 0,
      },
      expect.objectContaining({ filePath: 'roles/backend-engineer.md', errorCount: 1, warningCount: 0 }),
    ]);
  });
});

describe('github', () => {
  it('writes one workflow command per finding, with end positions when known', () => {
    expect(formatGithub(results, context).split('\n')).toEqual([
      '::error file=candidates/ana-lima/profile.md,line=12,col=3,endLine=12,endColumn=8,title=handoff(schema)::"stage" must be one of sourced, onsite',
      '::warning file=candidates/ana-lima/profile.md,line=30,col=14,title=handoff(neutral-language)::"culture fit" is a judgement; name the behaviour you saw',
      '::error file=roles/backend-engineer.md,line=2,col=1,title=handoff(yaml-syntax)::invalid YAML: 100%25 broken%0Asecond line',
      '',
    ]);
  });

  it("escapes as GitHub's toolkit does: data %, CR, LF; properties also : and ,", () => {
    expect(escapeData('50% done\r\nnext: a, b')).toBe('50%25 done%0D%0Anext: a, b');
    expect(escapeProperty('C:\\repo\\a,b%.md\n')).toBe('C%3A\\repo\\a%2Cb%25.md%0A');
    const odd = buildResults(
      [
        {
          file: 'candidates/o,dd:name/memo.md',
          line: 1,
          column: 1,
          ruleId: 'x',
          severity: 'error',
          message: 'a: b, c%\nd',
        },
      ],
      [],
    );
    expect(formatGithub(odd, { ...context, pathPrefix: 'hr/' })).toBe(
      '::error file=hr/candidates/o%2Cdd%3Aname/memo.md,line=1,col=1,title=handoff(x)::a: b, c%25%0Ad\n',
    );
  });

  it('prints nothing for clean results', () => {
    expect(formatGithub(buildResults([], ['a.md']), context)).toBe('');
  });
});

describe('sarif', () => {
  const sarif = () =>
    JSON.parse(formatSarif(results, { ...context, docsUri: 'https://example.test/docs/rules/' }));

  it('lists every rule with its help and points results at it by index', () => {
    const log = sarif();
    const run = log.runs[0];
    expect(log.version).toBe('2.1.0');
    expect(run.tool.driver).toMatchObject({ name: 'handoff', version: '1.2.3' });
    const ids = run.tool.driver.rules.map((rule: { id: string }) => rule.id);
    expect(ids).toEqual(['disable-comment', 'neutral-language', 'schema', 'yaml-syntax']);
    expect(run.tool.driver.rules[1]).toMatchObject({
      id: 'neutral-language',
      shortDescription: { text: 'personal judgements and biased phrasing in prose' },
      help: { text: expect.stringContaining('docs/rules/neutral-language.md') },
      helpUri: 'https://example.test/docs/rules/neutral-language.md',
      defaultConfiguration: { level: 'warning' },
    });
    expect(run.results).toHaveLength(3);
    expect(run.results[0]).toEqual({
      ruleId: 'schema',
      ruleIndex: 2,
      level: 'error',
      message: { text: '"stage" must be one of sourced, onsite' },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'candidates/ana-lima/profile.md', uriBaseId: '%SRCROOT%' },
            region: { startLine: 12, startColumn: 3, endLine: 12, endColumn: 8 },
          },
        },
      ],
    });
    expect(run.results[1]).toMatchObject({ ruleId: 'neutral-language', ruleIndex: 1, level: 'warning' });
  });

  it.skipIf(!existsSync(SARIF_SCHEMA))('validates against the official SARIF 2.1.0 schema', () => {
    // The schema is draft-04: ajv 8 reads it once `id` is `$id` and `$schema` is dropped (no draft-04
    // keyword it uses differs from draft-07). Formats are checked as the schema names them.
    const schema = JSON.parse(readFileSync(SARIF_SCHEMA, 'utf8'));
    const { $schema: _draft, id, ...rest } = schema;
    const ajv = new Ajv({ strict: false, allErrors: true });
    ajv.addFormat('uri', (value: string) => /^[a-z][a-z0-9+.-]*:/i.test(value) && URL.canParse(value));
    ajv.addFormat('uri-reference', (value: string) => URL.canParse(value, 'https://base.test/'));
    ajv.addFormat('date-time', (value: string) => !Number.isNaN(Date.parse(value)));
    const validate = ajv.compile({ ...rest, $id: id });
    const documents = [
      formatSarif(results, {
        ...context,
        docsUri: 'file:///opt/handoff/docs/rules/',
        rootUri: 'file:///work/repo/',
      }),
      formatSarif(buildResults([], ['a.md']), { ...context, docsUri: 'https://example.test/rules/' }),
    ];
    for (const document of documents) {
      const valid = validate(JSON.parse(document));
      expect(validate.errors ?? []).toEqual([]);
      expect(valid).toBe(true);
    }
    // Why the command passes docsUri: the schema wants helpUri absolute, so a bare relative path fails.
    expect(validate(JSON.parse(formatSarif(results, context)))).toBe(false);
  });
});
