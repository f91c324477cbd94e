import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import * as fixture from './brief-fixture.js';
import { runBinary, tempDir, writeFiles } from './helpers/repo.js';

const CHROMIUM = '/usr/bin/chromium';
const hostile = '<img src=x onerror=alert(1)>';
const skipReason = existsSync(CHROMIUM)
  ? ''
  : ` (skipped: ${CHROMIUM} is not installed; .ci/run installs Debian's chromium package)`;

function repo(overrides: Record<string, string | undefined> = {}): string {
  const dir = tempDir();
  writeFiles(dir, fixture.files(overrides));
  return dir;
}

describe('handoff brief and feedback through the real binary', () => {
  it('prints a packet, refuses what it should, and writes HTML files', () => {
    const dir = repo();
    const packet = runBinary(['brief', 'lima', '--interview', 'onsite-design'], { cwd: dir });
    expect(packet.stderr).toBe('');
    expect(packet.code).toBe(0);
    expect(packet.stdout).toContain('## 6. How to hand in');
    expect(packet.stdout).not.toContain(fixture.restricted.email);

    const ambiguous = runBinary(['brief', 'ana'], { cwd: dir });
    expect(ambiguous.code).toBe(1);
    expect(ambiguous.stderr).toContain('"ana" matches 2 candidates');
    expect(ambiguous.stderr).not.toMatch(/\n\s+at /);

    const badAudience = runBinary(['brief', 'ana-lima', '--audience', 'everyone'], { cwd: dir });
    expect(badAudience.code).toBe(2);

    const written = runBinary(['brief', 'ana-lima', '--format', 'html', '--out', 'packets/'], { cwd: dir });
    expect(written.code).toBe(0);
    expect(written.stdout).toBe('wrote packets/ana-lima--onsite-design.html\n');
    expect(readFileSync(join(dir, 'packets/ana-lima--onsite-design.html'), 'utf8')).toContain(
      '<h2>1. The interview</h2>',
    );

    const refused = runBinary(['feedback', 'ana-lima'], {
      cwd: repo({
        'candidates/ana-lima/feedback/hm-screen--sam.lee.md': fixture.scorecard('You rated 4/4 overall.'),
      }),
    });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('candidates/ana-lima/feedback/hm-screen--sam.lee.md:18:');
  });
});

describe('the HTML packet in headless Chromium', () => {
  it.skipIf(!existsSync(CHROMIUM))(
    `renders with no console errors and no requests, shows hostile text as text, prints to PDF${skipReason}`,
    async () => {
      const dir = repo({
        'candidates/ana-lima/profile.md': fixture.profile({
          name: hostile,
          summary: `${hostile} [x](javascript:alert(1))`,
        }),
      });
      const result = runBinary(
        ['brief', 'ana-lima', '--interview', 'onsite-design', '--format', 'html', '--out', 'packet.html'],
        {
          cwd: dir,
        },
      );
      expect(result.code).toBe(0);
      const file = join(dir, 'packet.html');

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
        const page = await browser.newPage();
        const consoleErrors: string[] = [];
        const requests: string[] = [];
        const dialogs: string[] = [];
        page.on('console', (message) => {
          if (message.type() === 'error') consoleErrors.push(message.text());
        });
        page.on('pageerror', (error) => consoleErrors.push(error.message));
        page.on('request', (request) => {
          if (!/^(file|data):/.test(request.url())) requests.push(request.url());
        });
        page.on('dialog', async (dialog) => {
          dialogs.push(dialog.message());
          await dialog.dismiss();
        });

        await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
        await page.waitForTimeout(200);

        expect(consoleErrors).toEqual([]);
        expect(requests).toEqual([]);
        expect(dialogs).toEqual([]);
        expect(await page.locator('img').count()).toBe(0);
        expect(await page.locator('script').count()).toBe(0);
        expect(await page.locator('a[href^="javascript"]').count()).toBe(0);
        expect(await page.textContent('body')).toContain(hostile);
        expect(await page.textContent('h1')).toBe(`Interview briefing: ${hostile}, System design`);
        expect(await page.title()).toBe(`Interview briefing: ${hostile}, System design`);
        expect(await page.locator('h2').allTextContents()).toEqual([
          '1. The interview',
          '2. Who the candidate is',
          '3. What the role needs',
          '4. Your interview',
          '5. Arrangements and cautions',
          '6. How to hand in',
        ]);

        const screenshot = join(dir, 'packet.png');
        await page.screenshot({ path: screenshot, fullPage: true });
        const pdf = join(dir, 'packet.pdf');
        await page.pdf({ path: pdf, format: 'A4', printBackground: true });
        expect(statSync(screenshot).size).toBeGreaterThan(1000);
        expect(statSync(pdf).size).toBeGreaterThan(1000);
        expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
      } finally {
        await browser.close();
      }
    },
  );
});
