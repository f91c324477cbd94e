// handoff lint at 1,000 and 10,000 candidates: cold, warm --cache and --changed, as ratios to a bare
// Node read of every document measured in the same run (see lint-scale.mjs).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export async function run({ projectRoot }) {
  for (const count of [1000, 10_000]) {
    console.log(`\nhandoff lint on ${count.toLocaleString('en-GB')} candidates`);
    const keep = join(projectRoot, 'bench/.repos', `lint-${count}`);
    const result = spawnSync(
      process.execPath,
      [join(projectRoot, 'bench/lint-scale.mjs'), '--candidates', String(count), '--keep', keep],
      { stdio: 'inherit' },
    );
    if (result.status !== 0) throw new Error(`lint-scale.mjs exited ${result.status}`);
  }
}
