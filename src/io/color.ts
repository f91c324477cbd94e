import type { Io } from './io.js';

/** chalk 5 ignores NO_COLOR, so the decision is made here: --no-color, NO_COLOR, FORCE_COLOR, then the terminal. */
export function colorEnabled(io: Io, colorOption: boolean | undefined): boolean {
  if (colorOption === false) return false;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0') return true;
  return Boolean(io.stdout.isTTY);
}
