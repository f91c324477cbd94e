import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Config } from '../../schemas/config.js';
import type { PartitionJob, PartitionResult } from './lint-partition.js';
import { tuneV8ForSharedLint } from './v8-tuning.js';

const YOUNG_GENERATION_MB = 128;

/**
 * Below this many documents to load, one thread is faster than starting workers (measured on two
 * cores: at 15,000 documents one thread is still a little faster, at 30,000 two are a tenth faster).
 */
export const DEFAULT_PARALLEL_THRESHOLD = 20_000;

/**
 * How many documents a candidate folder not listed yet is counted as, to choose the threads before
 * listing it: a profile, a memo and four scorecards, a full loop's handoff.
 */
const DOCUMENTS_PER_CANDIDATE = 6;

export interface ThreadOptions {
  /** Use more than one thread from this many documents to load. */
  threshold: number;
  /** How many threads at most (default: the machine's cores, up to 8). */
  maxThreads?: number;
}

/**
 * The same job for each thread that will take part, sharing one counter from which each claims the
 * next chunk of candidate folders (see lintPartition): a thread that starts late or meets heavier
 * documents simply claims fewer chunks. Findings are sorted afterwards, so the split never shows.
 */
export function shareJob(job: PartitionJob, options: ThreadOptions): PartitionJob[] {
  const cores = Math.min(options.maxThreads ?? availableParallelism(), 8);
  const documents = job.paths.length + (job.folders?.length ?? 0) * DOCUMENTS_PER_CANDIDATE;
  if (documents <= options.threshold || cores < 2) return [job];
  const claim = new Int32Array(new SharedArrayBuffer(4));
  return Array.from({ length: cores }, () => ({ ...job, claim }));
}

/** Runs the jobs: the first in this thread, the others in worker threads at the same time. */
export async function runShares(jobs: readonly PartitionJob[], config: Config): Promise<PartitionResult[]> {
  const { lintPartition } = await import('./lint-partition.js');
  const [first, ...others] = jobs;
  if (!first) return [];
  // Beside this module in dist/ (scripts/build.mjs keeps the bundled worker beside this module's chunk).
  const workerUrl = new URL('./lint-worker.js', import.meta.url);
  const canUseWorkers = workerUrl.protocol === 'file:' && existsSync(fileURLToPath(workerUrl));
  if (others.length === 0 || !canUseWorkers) {
    // Without a compiled worker (tests running the TypeScript sources) one thread claims every chunk.
    return [await lintPartition(first, config)];
  }
  tuneV8ForSharedLint();
  // Texts already read stay here: copying them to a worker costs more than its reading them again.
  const pending = others.map((job) => inWorker(workerUrl, { ...job, texts: undefined }));
  const here = await lintPartition(first, config);
  const settled = await Promise.allSettled(pending);
  if (settled.some((outcome) => outcome.status === 'rejected')) {
    // A worker that failed took its claimed chunks with it: judge everything again, here.
    return [await lintPartition({ ...first, claim: undefined }, config)];
  }
  return [here, ...settled.map((outcome) => (outcome as PromiseFulfilledResult<PartitionResult>).value)];
}

function inWorker(url: URL, job: PartitionJob): Promise<PartitionResult> {
  return new Promise((resolve, reject) => {
    // A large young generation: parsing makes many short-lived objects, and the default one makes the
    // collector copy each chunk's documents several times (about a third of the time otherwise).
    const worker = new Worker(url, {
      workerData: job,
      resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    });
    let settled = false;
    worker.once('message', (result: PartitionResult) => {
      settled = true;
      resolve(result);
    });
    worker.once('error', (error) => {
      if (!settled) reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`lint worker exited with code ${code}`));
    });
  });
}
