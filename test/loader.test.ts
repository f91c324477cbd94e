import { describe, expect, it } from 'vitest';
import { parseConfig } from '../src/core/config.js';
import { loadDocument } from '../src/core/workspace.js';

const profilePath = 'candidates/ana-lima/profile.md';
const validProfile = `kind: candidate
id: ana-lima
name: Ana Lima
role: backend-engineer
stage: onsite
status: active
recruiter: alex.kim
hiring_manager: sam.lee
applied: 2026-11-02
source: { channel: referral, detail: Referred by a former colleague }
contact: { email: ana.lima@mail.example, phone: "+44 7700 900123" }`;

function load(text: string) {
  const document = loadDocument({ path: profilePath, text });
  if (!document) throw new Error('not a document path');
  return document;
}

const problems = (text: string) =>
  load(text).diagnostics.map((d) => `${d.line}:${d.column} ${d.ruleId} ${d.message}`);

describe('loading a document', () => {
  it('reads front matter, sections and key positions from the original file', () => {
    const document = load(
      `---\n${validProfile}\n---\n## Summary\n\nBuilt a ledger.\n\n## Strengths\nDesign.\n`,
    );
    expect(document.diagnostics).toEqual([]);
    expect(document.value).toMatchObject({ id: 'ana-lima', applied: '2026-11-02', fit: {} });
    expect(document.positions.get('source.detail')?.key).toMatchObject({ line: 11, column: 30 });
    expect(document.sections.map((s) => [s.heading, s.line, s.content, s.contentLine])).toEqual([
      ['Summary', 14, 'Built a ledger.', 16],
      ['Strengths', 18, 'Design.', 19],
    ]);
  });

  it('locates invalid YAML at its line and column', () => {
    expect(problems('---\nkind: candidate\nid: [oops\n---\n')).toEqual([
      expect.stringMatching(/^3:\d+ yaml-syntax invalid YAML/),
    ]);
  });

  it('refuses front matter that is not a mapping', () => {
    expect(problems('---\n- a\n- b\n---\n')).toEqual([
      '2:1 yaml-syntax the front matter is a list; it must be a mapping of keys to values',
    ]);
  });

  it('refuses a ---js fence without evaluating it', () => {
    const text = '---js\nglobalThis.handoffPwned = true; module.exports = {}\n---\n';
    expect(problems(text)).toEqual([expect.stringContaining('"---js" is refused')]);
    expect((globalThis as Record<string, unknown>).handoffPwned).toBeUndefined();
  });

  it('bounds a YAML alias bomb with a clear error', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (const [i, name] of ['b', 'c', 'd', 'e', 'f', 'g'].entries()) {
      const previous = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(', ')}]`);
    }
    const started = Date.now();
    expect(problems(`---\n${levels.join('\n')}\n---\n`)).toEqual([
      expect.stringContaining('too many aliases'),
    ]);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('keeps __proto__ and constructor keys as data and reports them as unknown', () => {
    const document = load(`---\n${validProfile}\n__proto__: { polluted: true }\nconstructor: x\n---\n`);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(document.diagnostics.map((d) => d.message)).toEqual([
      expect.stringContaining('unknown key "__proto__"'),
      expect.stringContaining('unknown key "constructor"'),
    ]);
  });

  it.each([
    ['no front matter', '# Just a heading\n', 'has no front matter'],
    ['an empty file', '', 'is empty'],
    ['a binary file', 'PK\u0003\u0004\u0000\u0000binary', 'is not text'],
    ['an unclosed fence', '---\nkind: candidate\n', 'never closed'],
  ])('reports %s at the top of the file', (_name, text, message) => {
    expect(problems(text)).toEqual([expect.stringMatching(new RegExp(`^1:1 yaml-syntax .*${message}`))]);
  });

  it('reports duplicate keys at the second key', () => {
    expect(problems(`---\n${validProfile}\nname: Again\n---\n`)).toEqual([
      '13:1 yaml-syntax this key appears twice in the same mapping; keep one of them',
    ]);
  });

  it('suggests the closest known key for a typo', () => {
    const text = `---\n${validProfile.replace('hiring_manager', 'hiring_manger')}\n---\n`;
    expect(problems(text)).toContain(
      '9:1 schema unknown key "hiring_manger" (did you mean "hiring_manager"?); remove it or fix its name',
    );
  });

  it('asks to quote a phone number that YAML read as a number', () => {
    const text = `---\n${validProfile.replace('"+44 7700 900123"', '07700900123')}\n---\n`;
    expect(problems(text)).toEqual([
      expect.stringMatching(/^12:\d+ schema "contact.phone" was read as a number; quote/),
    ]);
  });

  it('keeps dates and words like "no" as strings', () => {
    const document = load(`---\n${validProfile}\npronouns: no\n---\n`);
    expect(document.value).toMatchObject({ pronouns: 'no', applied: '2026-11-02' });
  });

  it('never quotes the offending value in a message', () => {
    const text = `---\n${validProfile.replace('ana.lima@mail.example', 'not-an-email-secret')}\n---\n`;
    const messages = problems(text).join('\n');
    expect(messages).toContain('contact.email');
    expect(messages).not.toContain('not-an-email-secret');
  });

  it('finds the same problems and values in a large run, where validation is compiled', () => {
    const invalid = `---\n${validProfile
      .replace('hiring_manager', 'hiring_manger')
      .replace('stage: onsite', 'stage: 3')
      .replace('status: active', 'status: activ')}\n---\n`;
    const valid = `---\n${validProfile}\nfit: { ownership: Led the migration }\n---\n`;
    const first = { problems: problems(invalid), value: load(valid).value };
    expect(first.problems).toHaveLength(4);
    // Enough documents to pass the point where validation is compiled (this file loads a few dozen before).
    for (let run = 0; run < 100; run++) {
      expect(problems(invalid)).toEqual(first.problems);
      expect(load(valid).value).toEqual(first.value);
    }
  });
});

describe('loading the config', () => {
  const config = `organization: Acme\nstages:\n  - { id: sourced, name: Sourced }\npeople:\n  - { id: alex.kim, name: Alex Kim, email: alex@acme.example, roles: [recruiter] }\n`;

  it('applies the defaults', () => {
    const parsed = parseConfig(config);
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.config?.cadence).toEqual({
      candidate_update_days: 5,
      feedback_due_hours: 24,
      decision_days: 10,
    });
    expect(parsed.config?.ids).toBe('name');
  });

  it('names the bad key and its line', () => {
    const parsed = parseConfig(`${config}cadense: {}\n`);
    expect(parsed.config).toBeUndefined();
    expect(parsed.diagnostics).toEqual([
      expect.objectContaining({
        line: 6,
        column: 1,
        message: expect.stringContaining('did you mean "cadence"'),
      }),
    ]);
  });

  it('reports duplicate people ids', () => {
    const parsed = parseConfig(
      `${config}  - { id: alex.kim, name: Alex Two, email: alex2@acme.example, roles: [interviewer] }\n`,
    );
    expect(parsed.diagnostics.map((d) => [d.line, d.message])).toEqual([
      [6, expect.stringContaining('"alex.kim" is listed twice in people')],
    ]);
  });
});
