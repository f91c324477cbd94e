import { Chalk, type ChalkInstance } from 'chalk';

/** A chalk instance that colours only when `enabled` (decided by colorEnabled in color.ts). */
export function createColors(enabled: boolean): ChalkInstance {
  return new Chalk({ level: enabled ? 1 : 0 });
}
