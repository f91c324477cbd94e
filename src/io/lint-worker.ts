import { parentPort, workerData } from 'node:worker_threads';
import { lintPartition, type PartitionJob } from './lint-partition.js';

// A worker thread of parse-workers.ts: judges one share and posts the findings back.
const result = await lintPartition(workerData as PartitionJob);
parentPort?.postMessage(result);
