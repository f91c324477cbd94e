import { at, edit, MEMO, MEMO_PATH, PROFILE, PROFILE_PATH, ROLE, ROLE_PATH } from '../fixture.js';
import type { RuleCases } from './types.js';

const todo = edit(
  PROFILE,
  '- Capacity estimates came only when prompted.',
  '- TODO: ask the hiring manager.\n- Capacity estimates came only when prompted.',
);
const ellipsis = edit(MEMO, /## Cautions\n\n.*\n/, '## Cautions\n\n...\n');
const fillIn = edit(
  ROLE,
  'The ledger is the system',
  'Joining <name of the team> means the ledger is the system',
);
const lorem = edit(MEMO, 'Ana has owned', 'Lorem ipsum. Ana has owned');
const guidance = edit(
  PROFILE,
  'Backend engineer with six years',
  'Summarise the experience that is relevant to the role, in two or three sentences.\n\nBackend engineer with six years',
);
const frontMatter = edit(PROFILE, 'action: Schedule the onsite', 'action: "TODO: agree the next step"');
const notPlaceholders = edit(
  PROFILE,
  'Captions are switched on',
  '<!-- TODO: confirm the captions provider --> Uses `TODO` markers in code review.<br> See <https://example.com/notes>, a to-do list, and List\\<T\\> generics.\n\n```\nTODO inside a code block\n```\n\nCaptions are switched on',
);

export const cases: RuleCases = {
  valid: [
    { name: 'the clean repository' },
    {
      name: 'comments, code, HTML tags, autolinks and a lower-case to-do are not placeholders',
      files: { [PROFILE_PATH]: notPlaceholders },
    },
  ],
  invalid: [
    {
      name: 'a TODO left in a section',
      files: { [PROFILE_PATH]: todo },
      expected: [{ file: PROFILE_PATH, ...at(todo, 'TODO'), message: '"TODO" left in "## Growth areas"' }],
    },
    {
      name: 'a lone "..." under a heading',
      files: { [MEMO_PATH]: ellipsis },
      expected: [{ file: MEMO_PATH, ...at(ellipsis, '...\n'), message: '"..." left in "## Cautions"' }],
    },
    {
      name: 'a <fill-in> slot',
      files: { [ROLE_PATH]: fillIn },
      expected: [
        {
          file: ROLE_PATH,
          ...at(fillIn, '<name of the team>'),
          message: 'a <fill-in> slot left in "## Selling points"',
        },
      ],
    },
    {
      name: 'lorem ipsum',
      files: { [MEMO_PATH]: lorem },
      expected: [{ file: MEMO_PATH, ...at(lorem, 'Lorem ipsum'), message: 'lorem ipsum filler' }],
    },
    {
      name: "the template's guidance left as content",
      files: { [PROFILE_PATH]: guidance },
      expected: [
        {
          file: PROFILE_PATH,
          ...at(guidance, 'Summarise the experience'),
          message: 'the template\'s guidance is still in "## Summary"',
        },
      ],
    },
    {
      name: 'a front-matter value left at its placeholder',
      files: { [PROFILE_PATH]: frontMatter },
      expected: [
        {
          file: PROFILE_PATH,
          ...at(frontMatter, '"TODO'),
          message: '"next_step.action" still holds a placeholder',
        },
      ],
    },
  ],
};
