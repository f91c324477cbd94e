import { execFileSync } from 'node:child_process';

/** Whether the folder is inside a Git work tree. */
export function insideGitWorkTree(dir: string): boolean {
  try {
    return (
      execFileSync('git', ['rev-parse', '--is-inside-work-tree'], {
        cwd: dir,
        stdio: ['ignore', 'pipe', 'ignore'],
      })
        .toString()
        .trim() === 'true'
    );
  } catch {
    return false;
  }
}

export function gitInit(dir: string): void {
  execFileSync('git', ['init', '--quiet'], { cwd: dir, stdio: 'ignore' });
}
