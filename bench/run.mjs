// npm run bench: every figure is a ratio to a baseline measured in the same run, because these
// machines are shared and noisy. Pass section names to run only some: node bench/run.mjs startup lint
import { join } from 'node:path';
import { medianMs, report } from './measure.mjs';

const projectRoot = join(import.meta.dirname, '..');
const handoff = join(projectRoot, 'bin/handoff.js');
const only = process.argv.slice(2);
const wanted = (section) => only.length === 0 || only.includes(section);

if (wanted('startup')) {
  console.log('\nStart-up (median of 11 runs)');
  const bare = medianMs(process.execPath, ['-e', '']);
  report('node -e "" (baseline)', bare, bare);
  report('handoff --help', medianMs(process.execPath, [handoff, '--help']), bare, 1.5);
  report('handoff --version', medianMs(process.execPath, [handoff, '--version']), bare, 1.5);
  const example = join(projectRoot, 'examples');
  report('handoff schema (loads zod)', medianMs(process.execPath, [handoff, 'schema']), bare);
  report(
    'handoff lint on the example repository',
    medianMs(process.execPath, [handoff, '--repo', example, 'lint', '--now', '2026-11-25']),
    bare,
  );
}

for (const section of ['lint', 'brief', 'history', 'status']) {
  if (!wanted(section)) continue;
  try {
    const module = await import(`./${section}.mjs`);
    await module.run({ handoff, projectRoot });
  } catch (error) {
    if (error.code === 'ERR_MODULE_NOT_FOUND' && error.message.includes(`${section}.mjs`)) continue;
    throw error;
  }
}
