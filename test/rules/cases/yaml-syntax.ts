import { at, edit, MEMO_PATH, PROFILE, PROFILE_PATH } from '../fixture.js';
import type { RuleCases } from './types.js';

const unclosed = edit(PROFILE, '---\n## Summary', '## Summary');
const duplicate = edit(PROFILE, 'status: active\n', 'status: active\nstatus: on-hold\n');
const broken = edit(PROFILE, 'name: Ana Lima', 'name: [Ana Lima');
const list = `---\n- kind: memo\n- candidate: ana-lima\n---\n## Context\n\nText.\n`;

export const cases: RuleCases = {
  valid: [{ name: 'the clean repository' }],
  invalid: [
    {
      name: 'front matter that is not valid YAML',
      files: { [PROFILE_PATH]: broken },
      expected: [{ file: PROFILE_PATH, ...at(broken, 'pronouns'), message: 'invalid YAML' }],
    },
    {
      name: 'a key written twice',
      files: { [PROFILE_PATH]: duplicate },
      expected: [
        { file: PROFILE_PATH, ...at(duplicate, 'status: on-hold'), message: 'this key appears twice' },
      ],
    },
    {
      name: 'front matter that is never closed',
      files: { [PROFILE_PATH]: unclosed },
      expected: [{ file: PROFILE_PATH, line: 1, column: 1, message: 'never closed' }],
    },
    {
      name: 'front matter that is a list',
      files: { [MEMO_PATH]: list },
      expected: [{ file: MEMO_PATH, line: 2, column: 1, message: 'it must be a mapping' }],
    },
    {
      name: 'only the judged documents are reported',
      files: { [PROFILE_PATH]: broken, [MEMO_PATH]: list },
      judge: [MEMO_PATH],
      expected: [{ file: MEMO_PATH, line: 2, column: 1 }],
    },
  ],
};
