import type { Io } from '../io/io.js';

/** What every command receives besides its own options. */
export interface CommandContext {
  io: Io;
  /** --repo, when given. */
  repo: string | undefined;
  /** Whether output to stdout may be coloured. */
  color: boolean;
}
