import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { copyOfExample, exampleRepo, projectRoot, runBinary, tempDir } from './helpers/repo.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
const skipReason = hasChromium
  ? ''
  : ` (skipped: Debian's chromium is not installed at ${CHROMIUM}; apt-get install chromium)`;

/** Every restricted value written anywhere in the example repository: none may reach the dashboard. */
function restrictedExampleValues(): string[] {
  type Data = Record<string, Record<string, unknown> | undefined>;
  const values: unknown[] = [];
  const frontMatter = (path: string) => parse(readFileSync(path, 'utf8').split(/^---$/m)[1]!) as Data;
  for (const id of readdirSync(join(exampleRepo, 'candidates'))) {
    const data = frontMatter(join(exampleRepo, 'candidates', id, 'profile.md'));
    values.push(data.contact?.email, data.contact?.phone, data.source?.detail, data.accommodations?.details);
  }
  for (const file of readdirSync(join(exampleRepo, 'roles'))) {
    const compensation = frontMatter(join(exampleRepo, 'roles', file)).compensation;
    if (compensation) values.push(String(compensation.min), String(compensation.max), compensation.notes);
  }
  return values.filter((value): value is string => typeof value === 'string' && value.trim().length > 3);
}

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (character) => `&#${character.charCodeAt(0)};`);

describe(`handoff dashboard in headless Chromium${skipReason}`, () => {
  it.skipIf(!hasChromium)(
    'renders the example repository with no errors, no requests and no restricted data',
    async () => {
      const repo = copyOfExample();
      const out = join(tempDir('handoff-dashboard-'), 'dashboard.html');
      const result = runBinary(['dashboard', '--out', out, '--now', '2026-11-25'], { cwd: repo });
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('keep it within the hiring team');

      const html = readFileSync(out, 'utf8');
      expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
      expect(html).not.toMatch(/<script|<link|<img|<iframe|\son[a-z]+=/i);
      expect(html).toContain('@media print');
      const restricted = restrictedExampleValues();
      expect(restricted.length).toBeGreaterThan(30);
      for (const value of restricted) {
        expect(html, `restricted value "${value}" leaked`).not.toContain(value);
        expect(html).not.toContain(escapeHtml(value));
      }
      // Each chart has its figures in a table beside it.
      expect(html.match(/<svg /g)?.length).toBe(3);
      expect(html.match(/<div class="figure"><svg[\s\S]*?<\/svg><table>/g)?.length).toBe(3);

      const { chromium } = await import('playwright-core');
      const browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: [
          '--no-sandbox',
          '--headless',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
      });
      try {
        const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
        const problems: string[] = [];
        const requests: string[] = [];
        page.on('console', (message) => {
          if (message.type() === 'error' || message.type() === 'warning')
            problems.push(`${message.type()}: ${message.text()}`);
        });
        page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
        page.on('request', (request) => requests.push(request.url()));
        await page.goto(pathToFileURL(out).href, { waitUntil: 'load' });

        expect(problems).toEqual([]);
        expect(requests.filter((url) => !url.startsWith('file:') && !url.startsWith('data:'))).toEqual([]);
        expect(await page.title()).toBe('Acme Payments: hiring dashboard, 2026-11-25');
        expect(await page.locator('h2').allTextContents()).toEqual(
          expect.arrayContaining([
            'Pipeline board',
            'Stage funnel',
            'Time in stage',
            'Candidate experience over time',
          ]),
        );
        expect(await page.getByRole('img').count()).toBe(3);
        expect(await page.locator('table.board').count()).toBeGreaterThan(0);

        const screenshot = join(tempDir('handoff-screenshot-'), 'dashboard.png');
        await page.screenshot({ path: screenshot, fullPage: true });
        expect(readFileSync(screenshot).subarray(1, 4).toString()).toBe('PNG');
        if (process.env.UPDATE_SCREENSHOTS === '1')
          copyFileSync(screenshot, join(projectRoot, 'docs/dashboard.png'));
      } finally {
        await browser.close();
      }
    },
  );
});

describe('handoff dashboard output', () => {
  it('refuses to replace a file without --force, and replaces it with --force', () => {
    const repo = copyOfExample(false);
    const folder = tempDir('handoff-dashboard-');
    const out = join(folder, 'board.html');
    expect(runBinary(['dashboard', '--out', out, '--now', '2026-11-25'], { cwd: repo }).code).toBe(0);
    const again = runBinary(['dashboard', '--out', out, '--now', '2026-11-25'], { cwd: repo });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists and was left unchanged');
    expect(again.stderr).toContain('--force');
    const forced = runBinary(['dashboard', '--out', out, '--now', '2026-11-25', '--force'], { cwd: repo });
    expect(forced.code).toBe(0);
    // Without history the page says where its dates come from.
    expect(readFileSync(out, 'utf8')).toContain('No Git history was found');
  });

  it('leaves out the fields an audience may not see', () => {
    const repo = copyOfExample();
    const out = join(tempDir('handoff-dashboard-'), 'board.html');
    const config = readFileSync(join(repo, 'handoff.config.yaml'), 'utf8').replace(
      'restricted: [compensation, contact, source.detail, accommodations.details]',
      'restricted: [compensation, contact, source.detail, accommodations.details, source.channel]',
    );
    writeFileSync(join(repo, 'handoff.config.yaml'), config);
    const interviewer = runBinary(
      ['dashboard', '--out', out, '--audience', 'interviewer', '--now', '2026-11-25'],
      { cwd: repo },
    );
    expect(interviewer.code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).not.toContain('Source channels');
    expect(html).toContain('for the interviewer audience');
  });
});
