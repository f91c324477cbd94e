// `handoff log` and `handoff review` on a history of 1,000 candidates (about six commits each), as
// ratios to `git log --name-status` over the same history, measured in the same run.
// The history is written with one `git fast-import` (thousands of `git commit` calls would take minutes)
// and cached under bench/.repos/. Run alone: npm run build && node bench/run.mjs history
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { candidateFiles, generateRepository } from './generate.mjs';
import { report } from './measure.mjs';

const FORMAT_VERSION = '3';
const CANDIDATES = 1000;
const START = Date.UTC(2026, 0, 5, 9) / 1000;

const people = {
  'alex.kim': 'Alex Kim <alex.kim@bench.example>',
  'sam.lee': 'Sam Lee <sam.lee@bench.example>',
  'pat.quinn': 'Pat Quinn <pat.quinn@bench.example>',
};

export async function run({ handoff }) {
  const root = historyRepository();
  const commits = execFileSync('git', ['-C', root, 'rev-list', '--count', 'HEAD'], {
    encoding: 'utf8',
  }).trim();
  const runs = 9;
  console.log(`\nHistory: ${CANDIDATES} candidates, ${commits} commits (median of ${runs} interleaved runs)`);
  const node = (...args) => [process.execPath, [handoff, '--repo', root, ...args]];
  const commands = {
    baseline: ['git', ['-C', root, 'log', '--name-status']],
    log: node('log'),
    json: node('log', '--json'),
    review: node('review', '--base', 'main', '--now', '2026-06-01'),
  };
  const medians = interleavedMedians(commands, runs);
  report('git log --name-status (baseline)', medians.baseline, medians.baseline);
  report('handoff log', medians.log, medians.baseline, 3);
  report('handoff log --json', medians.json, medians.baseline, 3);
  report('handoff review --base main (a 4-commit pull request)', medians.review, medians.baseline, 3);
}

/**
 * Runs each command once per round, round after round, and takes each one's median: on a shared
 * machine the load drifts, and alternating gives the baseline and the commands the same conditions.
 */
function interleavedMedians(commands, runs) {
  const times = Object.fromEntries(Object.keys(commands).map((name) => [name, []]));
  for (let round = 0; round <= runs; round++) {
    for (const [name, [command, args]] of Object.entries(commands)) {
      const started = process.hrtime.bigint();
      const result = spawnSync(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
      const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
      if (result.status !== 0)
        throw new Error(`${command} ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
      if (round > 0) times[name].push(elapsed); // round 0 warms the caches
    }
  }
  const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
  return Object.fromEntries(Object.entries(times).map(([name, values]) => [name, median(values)]));
}

/**
 * Creates (or reuses) the repository: `main` with the whole history, `pr` checked out on top of it.
 * `candidates` other than the default serves other benchmarks (bench/status.mjs uses 10,000).
 */
export function historyRepository(candidates = CANDIDATES) {
  const root = join(import.meta.dirname, '.repos', `history-${candidates}`);
  const marker = join(root, '.git', 'handoff-bench');
  if (existsSync(marker) && readFileSync(marker, 'utf8') === FORMAT_VERSION) return root;
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  execFileSync('git', ['init', '-q', '-b', 'main', root]);
  execFileSync('git', ['-C', root, 'fast-import', '--quiet'], {
    input: fastImportStream(candidates),
    maxBuffer: 1 << 30,
  });
  execFileSync('git', ['-C', root, 'symbolic-ref', 'HEAD', 'refs/heads/pr']);
  execFileSync('git', ['-C', root, 'reset', '-q', '--hard']);
  writeFileSync(marker, FORMAT_VERSION);
  return root;
}

function fastImportStream(candidates) {
  const chunks = [];
  let mark = 0;
  let clock = START;
  let mainTip;
  const commit = (branch, who, message, files, { from, merge } = {}) => {
    mark += 1;
    clock += 600;
    const body = Buffer.from(message);
    chunks.push(`commit refs/heads/${branch}\nmark :${mark}\n`);
    chunks.push(`author ${people[who]} ${clock} +0000\ncommitter ${people[who]} ${clock} +0000\n`);
    chunks.push(`data ${body.length}\n`, body, '\n');
    if (from) chunks.push(`from :${from}\n`);
    if (merge) chunks.push(`merge :${merge}\n`);
    for (const [path, content] of Object.entries(files)) {
      const data = Buffer.from(content);
      chunks.push(`M 100644 inline ${path}\ndata ${data.length}\n`, data, '\n');
    }
    chunks.push('\n');
    return mark;
  };
  const onMain = (who, message, files) => {
    mainTip = commit('main', who, message, files, mainTip ? { from: mainTip } : {});
    return mainTip;
  };
  const trailers = (id, event, extra) =>
    `\n\nHandoff-Event: ${event}\nHandoff-Candidate: ${id}${extra ? `\n${extra}` : ''}\n`;

  // The config and roles of the generated benchmark repository, so that both benchmarks agree.
  const generated = generateRepository(1);
  const read = (path) => readFileSync(join(generated, path), 'utf8');
  const config = read('handoff.config.yaml');
  const roleText = {
    'backend-engineer': read('roles/backend-engineer.md'),
    'platform-engineer': read('roles/platform-engineer.md'),
  };
  onMain('alex.kim', 'Start the handoff repository\n', {
    'handoff.config.yaml': config,
    'roles/backend-engineer.md': roleText['backend-engineer'],
    'roles/platform-engineer.md': roleText['platform-engineer'],
  });

  const files = Array.from({ length: candidates }, (_, index) => candidateFiles(index));
  const profileAt = (index, stage, status) =>
    files[index][`candidates/candidate-${index}/profile.md`]
      .replace(/^stage: .*$/m, `stage: ${stage}`)
      .replace(/^status: .*$/m, `status: ${status}`);
  const feedback = (index, prefix) =>
    Object.fromEntries(Object.entries(files[index]).filter(([path]) => path.includes(`/feedback/${prefix}`)));

  // Six steps per candidate, interleaved in blocks of 50 candidates so that dates advance together.
  const steps = [
    (i, id) =>
      onMain('alex.kim', `Add candidate ${id}${trailers(id, 'new-candidate')}`, {
        [`candidates/${id}/profile.md`]: profileAt(i, 'sourced', 'active'),
      }),
    (i, id) =>
      onMain('alex.kim', `Add the context memo for ${id}${trailers(id, 'new-memo')}`, {
        [`candidates/${id}/memo.md`]: files[i][`candidates/${id}/memo.md`],
      }),
    (i, id) =>
      onMain(
        'alex.kim',
        `Advance ${id} to recruiter-screen${trailers(id, 'advance', 'Handoff-From: sourced\nHandoff-Stage: recruiter-screen')}`,
        {
          [`candidates/${id}/profile.md`]: profileAt(i, 'recruiter-screen', 'active'),
        },
      ),
    (i, id) =>
      onMain('sam.lee', `Hiring manager screen for ${id}\n`, {
        [`candidates/${id}/profile.md`]: profileAt(i, 'hiring-manager-screen', 'active'),
        ...feedback(i, 'hm-screen'),
      }),
    (i, id) => onMain('pat.quinn', `Onsite scorecards for ${id}\n`, feedback(i, 'onsite')),
    (i, id) => {
      const text = files[i][`candidates/${id}/profile.md`];
      const stage = text.match(/^stage: (.*)$/m)[1];
      const status = text.match(/^status: (.*)$/m)[1];
      return onMain(
        'sam.lee',
        `Advance ${id} to ${stage}${trailers(id, 'advance', `Handoff-From: hiring-manager-screen\nHandoff-Stage: ${stage}\nHandoff-Status: ${status}`)}`,
        {
          [`candidates/${id}/profile.md`]: text,
        },
      );
    },
  ];
  for (let block = 0; block < candidates; block += 50) {
    for (const step of steps) {
      for (let index = block; index < Math.min(block + 50, candidates); index++)
        step(index, `candidate-${index}`);
    }
    // A pull request merged with a merge commit every block, and a role change every few blocks.
    const side = commit(
      'side',
      'alex.kim',
      `Clarify the interview preferences of candidate-${block}\n`,
      {
        [`candidates/candidate-${block}/profile.md`]: `${files[block][`candidates/candidate-${block}/profile.md`]}\nMornings only.\n`,
      },
      { from: mainTip },
    );
    files[block][`candidates/candidate-${block}/profile.md`] += '\nMornings only.\n';
    mainTip = commit(
      'main',
      'sam.lee',
      `Merge pull request #${block} from side\n`,
      {},
      { from: mainTip, merge: side },
    );
    if (block % 200 === 0) {
      roleText['backend-engineer'] = roleText['backend-engineer'].replace(
        /4: Does all of 3 unprompted[^\n]*/,
        `4: Does all of 3 unprompted and revises the estimate after review ${block}.`,
      );
      onMain('sam.lee', 'Sharpen the system design rubric\n', {
        'roles/backend-engineer.md': roleText['backend-engineer'],
      });
    }
  }

  // The pull request under review: two advances, a new candidate with a memo, a rubric change.
  let pr = mainTip;
  const onPr = (who, message, changed) => {
    pr = commit('pr', who, message, changed, { from: pr });
  };
  for (const index of [3, 8]) {
    const id = `candidate-${index}`;
    onPr(
      'sam.lee',
      `Advance ${id} to offer${trailers(id, 'advance', 'Handoff-From: onsite\nHandoff-Stage: offer')}`,
      {
        [`candidates/${id}/profile.md`]: files[index][`candidates/${id}/profile.md`].replace(
          /^stage: .*$/m,
          'stage: offer',
        ),
      },
    );
  }
  const fresh = candidateFiles(candidates);
  onPr(
    'alex.kim',
    `Add candidate candidate-${candidates}${trailers(`candidate-${candidates}`, 'new-candidate')}`,
    fresh,
  );
  onPr('sam.lee', 'Anchor the collaboration rubric\n', {
    'roles/platform-engineer.md': roleText['platform-engineer'].replace(
      '1: Cannot give an example',
      '1: Gives no example',
    ),
  });
  return Buffer.concat(chunks.map((chunk) => (typeof chunk === 'string' ? Buffer.from(chunk) : chunk)));
}
