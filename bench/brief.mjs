// `handoff brief` on a 10,000-candidate repository, as a ratio to `handoff --help` measured in the same
// run: a packet reads only the config, the role and the candidate's folder, so the size of the
// repository should not show. Target: at most 2x. Finding the candidate by a part of the name has to
// scan every profile's name line, so it is reported without a target.
import { join } from 'node:path';
import { generateRepository } from './generate.mjs';
import { medianMs, report } from './measure.mjs';

export async function run({ handoff }) {
  const count = 10_000;
  console.log(`\nhandoff brief on ${count.toLocaleString('en-GB')} candidates (median of 11 runs)`);
  const root = generateRepository(count);
  const help = medianMs(process.execPath, [handoff, '--help']);
  report('handoff --help (baseline)', help, help);
  const brief = (args) =>
    medianMs(process.execPath, [handoff, '--repo', root, 'brief', ...args], { env: { NO_COLOR: '1' } });
  report(
    'handoff brief <id> --interview onsite-design',
    brief(['candidate-4243', '--interview', 'onsite-design']),
    help,
    2,
  );
  report(
    'handoff brief <id> --format html --audience hiring-manager',
    brief([
      'candidate-4243',
      '--interview',
      'onsite-design',
      '--format',
      'html',
      '--audience',
      'hiring-manager',
    ]),
    help,
    2,
  );
  report(
    'handoff brief "Candidate 4243" (scans every profile name)',
    brief(['Candidate 4243', '--interview', 'onsite-design']),
    help,
  );
  return join(root);
}
