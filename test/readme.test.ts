import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot, runCli, tempDir } from './helpers/repo.js';

const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8');

/** The README section of one command: from its `### handoff <name>` heading to the next heading. */
function section(name: string): string {
  const start = readme.indexOf(`### handoff ${name}\n`);
  if (start === -1) return '';
  const next = readme.indexOf('\n## ', start + 1);
  const nextCommand = readme.indexOf('\n### ', start + 1);
  const end = Math.min(...[next, nextCommand].filter((index) => index !== -1), readme.length);
  return readme.slice(start, end);
}

async function help(args: string[]): Promise<string> {
  return (await runCli([...args, '--help'], { cwd: tempDir() })).stdout;
}

const commandNames = async () =>
  [...(await help([])).matchAll(/^ {2}([a-z]+) /gm)]
    .map((match) => match[1]!)
    .filter((name) => name !== 'help');

describe('the README command reference', () => {
  it('has a section for every command', async () => {
    const names = await commandNames();
    expect(names.length).toBeGreaterThan(10);
    for (const name of names) expect(section(name), `### handoff ${name}`).not.toBe('');
  });

  it("names every option of every command in that command's section", async () => {
    const missing: string[] = [];
    for (const name of await commandNames()) {
      const options = [...(await help([name])).matchAll(/--([a-z][a-z-]*)/g)].map((match) => `--${match[1]}`);
      for (const option of new Set(options)) {
        if (option === '--help' || option === '--no-color' || option === '--repo') continue;
        if (!section(name).includes(option)) missing.push(`handoff ${name} ${option}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('keeps the quick start to two commands', () => {
    const quickStart = readme.slice(
      readme.indexOf('## Quick start'),
      readme.indexOf('## The handoff repository'),
    );
    const commands = /```sh\n([\s\S]*?)```/.exec(quickStart)?.[1]?.trim().split('\n');
    expect(commands).toHaveLength(2);
    expect(commands?.[1]).toBe('npm install && npm test');
  });
});
