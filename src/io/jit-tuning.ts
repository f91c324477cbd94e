import { setFlagsFromString } from 'node:v8';

/**
 * Lets V8's optimising compiler inline less into each function it optimises. A lint run spends a
 * large part of its time before its hot functions are optimised, and with two threads each thread's
 * compiler competes with both for the two cores; smaller compilations finish sooner. Measured with
 * the real binary (interleaved runs): 6,000 documents 0.66 s to 0.61 s on one thread, 60,000
 * documents about 5% faster on two, and no slower on one. V8 flags are process-wide, so worker
 * threads started afterwards compile the same way.
 */
export function preferQuickOptimisation(): void {
  setFlagsFromString('--max-inlined-bytecode-size-cumulative=200');
}
