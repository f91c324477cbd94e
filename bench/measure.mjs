import { spawnSync } from 'node:child_process';

/** Median wall time in milliseconds of running a command `runs` times (after one warm-up run). */
export function medianMs(command, args, { runs = 11, cwd, env } = {}) {
  const times = [];
  for (let run = 0; run <= runs; run++) {
    const started = process.hrtime.bigint();
    const result = spawnSync(command, args, {
      cwd,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
    if (result.status !== 0 && result.status !== 1) {
      throw new Error(`${command} ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
    }
    if (run > 0) times.push(elapsed);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

export function report(label, ms, baselineMs, target) {
  const ratio = ms / baselineMs;
  const verdict =
    target === undefined
      ? ''
      : ratio <= target
        ? `  (target <= ${target}: met)`
        : `  (target <= ${target}: MISSED)`;
  console.log(
    `${label.padEnd(58)} ${ms.toFixed(1).padStart(9)} ms  ${ratio.toFixed(2).padStart(6)}x${verdict}`,
  );
}
