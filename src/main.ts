import { formatError, HandoffError, isHandoffError } from './errors.js';
import { type Io, processIo } from './io/io.js';

/**
 * Runs the command line and returns the exit code: 0 clean, 1 findings or a refused action,
 * 2 usage, configuration or internal error. The only place that turns errors into exit codes.
 */
export async function run(argv: string[], io: Io = processIo()): Promise<number> {
  try {
    const { runProgram } = await import('./cli.js');
    return await runProgram(argv, io);
  } catch (error) {
    return reportError(error, io);
  }
}

function reportError(error: unknown, io: Io): number {
  if (isCommanderError(error)) {
    // commander has already printed its message; help and version are not errors.
    return error.exitCode === 0 ? 0 : 2;
  }
  const handoffError = isHandoffError(error)
    ? error
    : new HandoffError('internal', `an unexpected error stopped handoff: ${describe(error)}`, {
        fix: 'Nothing was written. Run again with HANDOFF_DEBUG=1 to see where it happened, and report it.',
      });
  io.stderr.write(formatError(handoffError));
  if (io.env.HANDOFF_DEBUG === '1' && error instanceof Error && error.stack)
    io.stderr.write(`${error.stack}\n`);
  return handoffError.exitCode;
}

function isCommanderError(error: unknown): error is { exitCode: number; code: string } {
  const code = (error as { code?: unknown } | null)?.code;
  return error instanceof Error && typeof code === 'string' && code.startsWith('commander.');
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message.split('\n')[0] ?? error.name;
  return String(error);
}
