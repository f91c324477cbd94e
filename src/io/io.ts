/** The process's streams and environment, passed down so that commands can run in-process in tests. */
export interface OutputStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
}

export interface Io {
  stdout: OutputStream;
  stderr: OutputStream;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export function processIo(): Io {
  return {
    stdout: withClosedPipeIgnored(process.stdout),
    stderr: withClosedPipeIgnored(process.stderr),
    stdin: process.stdin,
    env: process.env,
    cwd: process.cwd(),
  };
}

/**
 * A reader that stops early (`handoff lint --format json | head`) closes the pipe: the rest of the
 * output has nowhere to go, and that is not handoff's failure. The command still finishes, so its exit
 * code says what it found. Any other failure to write is reported in one line, without a stack trace.
 */
function withClosedPipeIgnored(stream: NodeJS.WriteStream): NodeJS.WriteStream {
  if (stream.listenerCount('error') > 0) return stream;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') return;
    process.stderr.write(`handoff: could not write the output (${error.code ?? error.message})\n`);
    process.exit(2);
  });
  return stream;
}

/** Prompts only make sense for a person at a terminal; CI and pipes get flags-only behaviour. */
export function canPrompt(io: Io): boolean {
  return Boolean(io.stdin.isTTY && io.stdout.isTTY) && !io.env.CI;
}
