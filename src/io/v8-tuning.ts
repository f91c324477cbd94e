import { setFlagsFromString } from 'node:v8';

/**
 * Tunes V8 for a lint run, which keeps both cores busy for seconds. V8 flags are process-wide, so
 * worker threads started afterwards run the same way. Measured with the real binary (interleaved
 * runs); neither setting slows a run on one thread.
 *
 * - Less inlining into each function V8 optimises: a run spends a large part of its time before its
 *   hot functions are optimised, and smaller compilations finish sooner (6,000 documents 0.66 s to
 *   0.61 s on one thread, 60,000 documents about 5% faster on two).
 * - Young-generation collections on the collecting thread alone: with both cores linting, the
 *   helper threads of a parallel collection only take time from the other thread (60,000
 *   documents: median 1.95 s to 1.90 s on two threads).
 */
export function tuneV8ForLint(): void {
  setFlagsFromString('--max-inlined-bytecode-size-cumulative=200');
  setFlagsFromString('--no-parallel-scavenge');
}

/**
 * Tunes V8 further for a run shared between threads, which lints tens of thousands of documents
 * for more than a second (60,000 documents on two threads: about 4% faster in interleaved runs).
 * Set before the workers start, so that their isolates are made with it.
 *
 * - Optimise a hot function sooner: each thread's isolate warms up on its own, and in a long run
 *   the time spent in unoptimised code outweighs the extra compilations. A short run, on one
 *   thread, is slower with it.
 * - Optimise on the thread that runs the code: with both cores linting, a compilation in the
 *   background waits for a core while the code it would speed up runs slowly. Only isolates made
 *   from here on (the workers') take this.
 */
export function tuneV8ForSharedLint(): void {
  setFlagsFromString('--interrupt-budget=20000');
  setFlagsFromString('--no-concurrent-recompilation');
}
