// `handoff status` and `handoff metrics` on the 10,000-candidate repository with its history (about
// 60,000 commits, built by bench/history.mjs), as ratios to a floor measured in the same run: one Node
// process that reads every document and then reads the output of one `git log --name-status`.
// Run alone: npm run build && node bench/run.mjs status
import { join } from 'node:path';
import { historyRepository } from './history.mjs';
import { medianMs, report } from './measure.mjs';

const CANDIDATES = 10_000;
const RUNS = 3;

const floorScript = `
const { readdirSync, readFileSync } = require('node:fs');
const { spawnSync } = require('node:child_process');
const { join } = require('node:path');
const root = process.argv[1];
let bytes = 0;
const walk = (dir) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path);
    else if (entry.name.endsWith('.md')) bytes += readFileSync(path, 'utf8').length;
  }
};
walk(join(root, 'roles'));
walk(join(root, 'candidates'));
const log = spawnSync('git', ['log', '--name-status'], { cwd: root, maxBuffer: 1 << 30 });
if (log.status !== 0) process.exit(2);
bytes += log.stdout.length;
`;

export async function run({ handoff }) {
  const started = Date.now();
  const root = historyRepository(CANDIDATES);
  const built = Date.now() - started;
  console.log(
    `\nStatus and metrics: ${CANDIDATES} candidates with history (median of ${RUNS} runs${built > 1000 ? `; history built in ${Math.round(built / 1000)} s` : ''})`,
  );
  const floor = medianMs(process.execPath, ['-e', floorScript, root], { runs: RUNS });
  report('floor: read every document + git log --name-status', floor, floor);
  const now = '2026-12-31';
  report(
    'handoff status',
    medianMs(process.execPath, [handoff, '--repo', root, 'status', '--now', now], { runs: RUNS }),
    floor,
    2,
  );
  report(
    'handoff metrics',
    medianMs(process.execPath, [handoff, '--repo', root, 'metrics', '--now', now], { runs: RUNS }),
    floor,
    2,
  );
  report(
    'handoff metrics --format json --since 2026-06-01',
    medianMs(
      process.execPath,
      [handoff, '--repo', root, 'metrics', '--now', now, '--format', 'json', '--since', '2026-06-01'],
      {
        runs: RUNS,
      },
    ),
    floor,
    2,
  );
}

// Allow `node bench/status.mjs` as well as `node bench/run.mjs status`.
if (import.meta.url === `file://${process.argv[1]}`) {
  await run({ handoff: join(import.meta.dirname, '..', 'bin/handoff.js') });
}
