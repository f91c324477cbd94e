import { cpSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CandidateFacts } from '../src/core/pipeline/facts.js';
import { computeMetrics, type MetricsReport } from '../src/core/pipeline/metrics.js';
import { percentile } from '../src/core/pipeline/stats.js';
import { buildTimelines, type TimelineEvent } from '../src/core/pipeline/timeline.js';
import { formatMetricsCsv } from '../src/formatters/metrics-csv.js';
import { formatMetricsTable } from '../src/formatters/metrics-table.js';
import { git, projectRoot, runCli, tempDir, writeFiles } from './helpers/repo.js';
import { commitAt, config, emptyGitRepo, profile, role, scorecard, survey } from './pipeline-fixture.js';

/**
 * A repository with a known timeline. Five candidates, every move committed on a known day:
 *
 * ana-lima   backend  applied 01-05  recruiter-screen 01-05..01-12 (7)  hiring-manager-screen ..01-20 (8)
 *                                    onsite ..01-30 (10, Handoff-Date)  offer ..02-05 (6)  hired 02-05
 * ben-okafor backend  applied 01-10  sourced 01-10..01-15 (5)  recruiter-screen ..01-25 (10)
 *                                    onsite ..02-14 (20; hiring-manager-screen skipped)  rejected 02-14
 * cara-silva backend  applied 02-01  recruiter-screen 02-01..02-06 (5)  hiring-manager-screen ..02-16 (10)  withdrawn
 * dan-wu     designer applied 03-01  recruiter-screen 03-01..03-10 (9)  hiring-manager-screen since 03-10, active
 * eve-martin backend  applied 03-20  sourced since 03-20, active
 */
function knownTimeline(): string {
  const repo = emptyGitRepo();
  const ana = (stage: string, more: Partial<Parameters<typeof profile>[0]> = {}) =>
    profile({ id: 'ana-lima', name: 'Ana Lima', stage, applied: '2026-01-05', channel: 'referral', ...more });
  const ben = (stage: string, more: Partial<Parameters<typeof profile>[0]> = {}) =>
    profile({
      id: 'ben-okafor',
      name: 'Ben Okafor',
      stage,
      applied: '2026-01-10',
      channel: 'inbound',
      lastContact: '2026-01-10',
      ...more,
    });
  const cara = (stage: string, more: Partial<Parameters<typeof profile>[0]> = {}) =>
    profile({
      id: 'cara-silva',
      name: 'Cara Silva',
      stage,
      applied: '2026-02-01',
      channel: 'referral',
      ...more,
    });
  const dan = (stage: string, more: Partial<Parameters<typeof profile>[0]> = {}) =>
    profile({
      id: 'dan-wu',
      name: 'Dan Wu',
      role: 'product-designer',
      stage,
      applied: '2026-03-01',
      channel: 'agency',
      ...more,
    });
  const eve = (more: Partial<Parameters<typeof profile>[0]> = {}) =>
    profile({
      id: 'eve-martin',
      name: 'Eve Martin',
      stage: 'sourced',
      applied: '2026-03-20',
      channel: 'inbound',
      ...more,
    });
  const p = (id: string) => `candidates/${id}/profile.md`;

  commitAt(repo, '2026-01-01', 'Start', {
    'handoff.config.yaml': config(),
    'roles/backend-engineer.md': role('backend-engineer', 'Senior Backend Engineer'),
    'roles/product-designer.md': role('product-designer', 'Product Designer'),
  });
  commitAt(repo, '2026-01-06', 'Add ana-lima', {
    [p('ana-lima')]: ana('recruiter-screen', { lastContact: '2026-01-06' }),
  });
  commitAt(repo, '2026-01-10', 'Add ben-okafor', { [p('ben-okafor')]: ben('sourced') });
  commitAt(repo, '2026-01-12', 'ana-lima to the hiring manager', {
    [p('ana-lima')]: ana('hiring-manager-screen', { lastContact: '2026-01-12' }),
  });
  commitAt(repo, '2026-01-14T16:30:00Z', 'Scorecard', {
    'candidates/ana-lima/feedback/hm-screen--sam.lee.md': scorecard(
      'ana-lima',
      'hm-screen',
      'sam.lee',
      '2026-01-14',
      '2026-01-14T16:00:00Z',
    ),
  });
  commitAt(repo, '2026-01-15', 'ben-okafor to the recruiter screen', {
    [p('ben-okafor')]: ben('recruiter-screen'),
  });
  commitAt(repo, '2026-01-20', 'ana-lima to onsite', {
    [p('ana-lima')]: ana('onsite', { lastContact: '2026-01-12' }),
  });
  commitAt(repo, '2026-01-25', 'ben-okafor to onsite', { [p('ben-okafor')]: ben('onsite') });
  commitAt(repo, '2026-01-28', 'Survey and scorecard', {
    'candidates/ana-lima/surveys/2026-01-28.md': survey('ana-lima', 'onsite', '2026-01-28', 4),
    'candidates/ben-okafor/feedback/onsite-design--pat.quinn.md': scorecard(
      'ben-okafor',
      'onsite-design',
      'pat.quinn',
      '2026-01-28',
      '2026-01-28T18:00:00Z',
    ),
  });
  commitAt(repo, '2026-01-29T10:30:00Z', 'Late scorecard', {
    'candidates/ana-lima/feedback/onsite-design--pat.quinn.md': scorecard(
      'ana-lima',
      'onsite-design',
      'pat.quinn',
      '2026-01-27',
      '2026-01-29T10:00:00Z',
    ),
  });
  commitAt(
    repo,
    '2026-02-02',
    'Advance ana-lima to offer\n\nHandoff-Event: advance\nHandoff-Candidate: ana-lima\nHandoff-From: onsite\nHandoff-Stage: offer\nHandoff-Date: 2026-01-30\n',
    { [p('ana-lima')]: ana('offer', { lastContact: '2026-01-12' }) },
  );
  commitAt(repo, '2026-02-02T15:00:00Z', 'Add cara-silva', {
    [p('cara-silva')]: cara('recruiter-screen', { lastContact: '2026-02-02' }),
  });
  commitAt(repo, '2026-02-05', 'ana-lima hired', {
    [p('ana-lima')]: ana('offer', { status: 'hired', lastContact: '2026-02-05' }),
  });
  commitAt(repo, '2026-02-06', 'cara-silva to the hiring manager', {
    [p('cara-silva')]: cara('hiring-manager-screen', { lastContact: '2026-02-06' }),
  });
  commitAt(repo, '2026-02-14', 'ben-okafor rejected', {
    [p('ben-okafor')]: ben('onsite', { status: 'rejected', lastContact: '2026-02-14' }),
  });
  commitAt(repo, '2026-02-16', 'cara-silva withdrew', {
    [p('cara-silva')]: cara('hiring-manager-screen', { status: 'withdrawn', lastContact: '2026-02-06' }),
  });
  commitAt(repo, '2026-03-02', 'Add dan-wu', {
    [p('dan-wu')]: dan('recruiter-screen', { lastContact: '2026-03-02' }),
  });
  commitAt(repo, '2026-03-05', 'Survey', {
    'candidates/dan-wu/surveys/2026-03-05.md': survey('dan-wu', 'recruiter-screen', '2026-03-05', 2),
  });
  commitAt(repo, '2026-03-10', 'dan-wu to the hiring manager', {
    [p('dan-wu')]: dan('hiring-manager-screen', { lastContact: '2026-03-10' }),
  });
  commitAt(repo, '2026-03-11', 'Survey with a score out of range', {
    'candidates/dan-wu/surveys/2026-03-11.md': survey('dan-wu', 'hiring-manager-screen', '2026-03-11', 7),
  });
  // No `submitted`: the scorecard counts as submitted when its file was committed (09:00 UTC).
  commitAt(repo, '2026-03-13T09:00:00Z', 'Scorecard', {
    'candidates/dan-wu/feedback/hm-screen--sam.lee.md': scorecard(
      'dan-wu',
      'hm-screen',
      'sam.lee',
      '2026-03-12',
    ),
  });
  commitAt(repo, '2026-03-20', 'Add eve-martin', { [p('eve-martin')]: eve({ lastContact: '2026-03-20' }) });
  commitAt(repo, '2026-03-28', 'Told eve-martin about the next step', {
    [p('eve-martin')]: eve({ lastContact: '2026-03-28' }),
  });
  return repo;
}

async function metricsJson(repo: string, ...args: string[]): Promise<MetricsReport> {
  const result = await runCli(['metrics', '--format', 'json', '--now', '2026-03-31', ...args], { cwd: repo });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as MetricsReport;
}

const stageRow = <T extends { stage: string }>(rows: T[], stage: string): T =>
  rows.find((row) => row.stage === stage)!;

describe('handoff metrics on a repository with a known timeline', () => {
  it('computes every figure as worked out by hand', async () => {
    const repo = knownTimeline();
    const report = await metricsJson(repo);

    expect(report.cohort).toEqual({
      since: null,
      until: null,
      role: null,
      now: '2026-03-31',
      candidates: 5,
      dates_from: 'history',
      offer_stage: 'offer',
    });

    // Decided: cara 15 days (02-01..02-16), ana 31 (01-05..02-05), ben 35 (01-10..02-14).
    // Median of [15, 31, 35] = 31; p75: h = 2 x 0.75 = 1.5, 31 + 0.5 x (35 - 31) = 33.
    expect(report.time_to_decision).toEqual([
      { role: 'backend-engineer', decided: 3, median_days: 31, p75_days: 33 },
      { role: 'product-designer', decided: 0, median_days: null, p75_days: null },
      { role: 'all', decided: 3, median_days: 31, p75_days: 33 },
    ]);

    // Finished stays: sourced [ben 5]; recruiter-screen [ana 7, ben 10, cara 5, dan 9] -> median (7 + 9) / 2 = 8;
    // hiring-manager-screen [ana 8, cara 10] -> 9; onsite [ana 10 (Handoff-Date 01-30), ben 20] -> 15; offer [ana 6].
    expect(report.time_in_stage).toEqual([
      { stage: 'sourced', stays: 1, median_days: 5 },
      { stage: 'recruiter-screen', stays: 4, median_days: 8 },
      { stage: 'hiring-manager-screen', stays: 2, median_days: 9 },
      { stage: 'onsite', stays: 2, median_days: 15 },
      { stage: 'offer', stays: 1, median_days: 6 },
    ]);

    // sourced: ben left and passed; ana, cara and dan skipped it (they started later); eve is still there.
    expect(stageRow(report.pass_through, 'sourced')).toEqual({
      stage: 'sourced',
      left: 1,
      passed: 1,
      actual: 1,
      skipped: 3,
      implied_left: 4,
      implied_passed: 4,
      implied: 1,
    });
    // recruiter-screen: ana, ben, cara and dan all left it for a later stage.
    expect(stageRow(report.pass_through, 'recruiter-screen')).toMatchObject({
      left: 4,
      passed: 4,
      actual: 1,
      skipped: 0,
      implied: 1,
    });
    // hiring-manager-screen: ana passed, cara withdrew (dan is still there); ben skipped it: actual 1/2, implied 2/3.
    expect(stageRow(report.pass_through, 'hiring-manager-screen')).toEqual({
      stage: 'hiring-manager-screen',
      left: 2,
      passed: 1,
      actual: 0.5,
      skipped: 1,
      implied_left: 3,
      implied_passed: 2,
      implied: 0.6667,
    });
    expect(stageRow(report.pass_through, 'onsite')).toMatchObject({
      left: 2,
      passed: 1,
      actual: 0.5,
      skipped: 0,
      implied: 0.5,
    });
    expect(stageRow(report.pass_through, 'offer')).toMatchObject({
      left: 1,
      passed: 1,
      actual: 1,
      skipped: 0,
      implied: 1,
    });

    // Furthest stage: ana offer (hired), ben onsite, cara and dan hiring-manager-screen, eve sourced.
    expect(report.offer_conversion).toEqual([
      { stage: 'sourced', reached: 5, reached_offer: 1, still_open: 2, share: 0.2 },
      { stage: 'recruiter-screen', reached: 4, reached_offer: 1, still_open: 1, share: 0.25 },
      { stage: 'hiring-manager-screen', reached: 4, reached_offer: 1, still_open: 1, share: 0.25 },
      { stage: 'onsite', reached: 2, reached_offer: 1, still_open: 0, share: 0.5 },
      { stage: 'offer', reached: 1, reached_offer: 1, still_open: 0, share: 1 },
    ]);

    // cara withdrew at the hiring manager screen, which four candidates reached.
    expect(report.drop_out).toEqual([
      { stage: 'sourced', reached: 5, withdrawn: 0, share: 0 },
      { stage: 'recruiter-screen', reached: 4, withdrawn: 0, share: 0 },
      { stage: 'hiring-manager-screen', reached: 4, withdrawn: 1, share: 0.25 },
      { stage: 'onsite', reached: 2, withdrawn: 0, share: 0 },
      { stage: 'offer', reached: 1, withdrawn: 0, share: 0 },
    ]);

    // Scores: ana 4 (onsite, January), dan 2 (recruiter screen, March); dan's 7 is out of range.
    const none = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 };
    const experience = report.candidate_experience;
    expect(experience.overall).toEqual({ responses: 2, mean: 3, distribution: { ...none, '2': 1, '4': 1 } });
    expect(experience.excluded).toBe(1);
    expect(stageRow(experience.by_stage, 'recruiter-screen')).toEqual({
      stage: 'recruiter-screen',
      responses: 1,
      mean: 2,
      distribution: { ...none, '2': 1 },
    });
    expect(stageRow(experience.by_stage, 'hiring-manager-screen')).toEqual({
      stage: 'hiring-manager-screen',
      responses: 0,
      mean: null,
      distribution: none,
    });
    expect(stageRow(experience.by_stage, 'onsite')).toMatchObject({ responses: 1, mean: 4 });
    expect(experience.by_role).toEqual([
      { role: 'backend-engineer', responses: 1, mean: 4, distribution: { ...none, '4': 1 } },
      { role: 'product-designer', responses: 1, mean: 2, distribution: { ...none, '2': 1 } },
    ]);
    expect(experience.by_month.map((row) => [row.month, row.responses, row.mean])).toEqual([
      ['2026-01', 1, 4],
      ['2026-03', 1, 2],
    ]);
    expect(report.notices.join('\n')).toContain('candidates/dan-wu/surveys/2026-03-11.md');

    // Hours from 00:00 UTC of the interview day: ana hm 16, ben 18, dan 33 (committed 03-13 09:00, no
    // `submitted`), ana onsite 58 (01-27 -> 01-29 10:00). Due by 24 + 24 = 48: three on time. Median (18 + 33) / 2.
    expect(report.scorecard_timeliness).toEqual({
      due_hours: 24,
      scorecards: 4,
      on_time: 3,
      share_on_time: 0.75,
      median_hours: 25.5,
      without_time: 0,
    });

    // Active days, and days within 5 days of the latest contact on or before them: every last_contact the
    // profile ever held (from its versions in the history) and the application date.
    // ana 01-05..02-04 = 31 days, contacts 01-05, 01-06, 01-12 -> covered 01-05..01-17 = 13 (02-05 is the outcome day);
    // ben 01-10..02-13 = 35, contact 01-10 -> 6; cara 02-01..02-15 = 15, contacts 02-01, 02-02, 02-06 -> 11;
    // dan 03-01..03-31 = 31, contacts 03-01, 03-02, 03-10 -> 03-01..03-07 and 03-10..03-15 = 13;
    // eve 03-20..03-31 = 12, contacts 03-20, 03-28 -> 03-20..03-25 and 03-28..03-31 = 10. 53 of 124 days.
    expect(report.update_cadence).toEqual({
      update_days: 5,
      candidate_days: 124,
      covered_days: 53,
      share: 0.4274,
    });

    expect(report.source_channel).toEqual([
      { channel: 'referral', candidates: 2, offers: 1, hired: 1 },
      { channel: 'inbound', candidates: 2, offers: 0, hired: 0 },
      { channel: 'outbound', candidates: 0, offers: 0, hired: 0 },
      { channel: 'agency', candidates: 1, offers: 0, hired: 0 },
      { channel: 'event', candidates: 0, offers: 0, hired: 0 },
      { channel: 'internal', candidates: 0, offers: 0, hired: 0 },
    ]);
  });

  it('cohorts by application date (both ends inclusive) and by role', async () => {
    const repo = knownTimeline();
    const window = await metricsJson(repo, '--since', '2026-01-10', '--until', '2026-02-01');
    expect(window.cohort.candidates).toBe(2); // ben (01-10) and cara (02-01)
    expect(window.time_to_decision.at(-1)).toEqual({
      role: 'all',
      decided: 2,
      median_days: 25,
      p75_days: 30,
    });

    const designer = await metricsJson(repo, '--role', 'product-designer');
    expect(designer.cohort).toMatchObject({ role: 'product-designer', candidates: 1 });
    expect(designer.time_to_decision).toEqual([
      { role: 'product-designer', decided: 0, median_days: null, p75_days: null },
      { role: 'all', decided: 0, median_days: null, p75_days: null },
    ]);
    expect(stageRow(designer.time_in_stage, 'recruiter-screen')).toEqual({
      stage: 'recruiter-screen',
      stays: 1,
      median_days: 9,
    });
  });

  it('prints the same figures as a table and as CSV', async () => {
    const repo = knownTimeline();
    const table = await runCli(['metrics', '--now', '2026-03-31'], { cwd: repo });
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/backend-engineer\s+3\s+31\.0\s+33\.0/);
    expect(table.stdout).toMatch(/hiring-manager-screen\s+2\s+1\s+50\.0%\s+1\s+3\s+2\s+66\.7%/);
    expect(table.stdout).toContain('42.7% of 124 active candidate-days');
    expect(table.stdout).toContain('Note: 1 survey left out');

    const csv = await runCli(['metrics', '--format', 'csv', '--now', '2026-03-31'], { cwd: repo });
    expect(csv.code).toBe(0);
    const lines = csv.stdout.split('\r\n');
    expect(lines[0]).toBe('metric,dimension,group,measure,value');
    expect(lines).toContain('time_to_decision,role,all,p75_days,33');
    expect(lines).toContain('pass_through,stage,hiring-manager-screen,implied,0.6667');
    expect(lines).toContain('candidate_experience,stage,hiring-manager-screen,mean,');
    expect(lines).toContain('candidate_experience,,all,distribution_4,1');
    expect(csv.stderr).toContain('handoff: note: 1 survey left out');
  });

  it('names every key it outputs in docs/metrics.md', async () => {
    const repo = knownTimeline();
    const report = await metricsJson(repo);
    const docs = readFileSync(join(projectRoot, 'docs/metrics.md'), 'utf8');
    const keys = new Set<string>();
    const walk = (value: unknown) => {
      if (Array.isArray(value)) value.forEach(walk);
      else if (value !== null && typeof value === 'object') {
        for (const [key, item] of Object.entries(value)) {
          if (!/^\d+$/.test(key)) keys.add(key);
          walk(item);
        }
      }
    };
    walk(report);
    expect(keys.size).toBeGreaterThan(40);
    const undocumented = [...keys].filter((key) => !docs.includes(`\`${key}\``));
    expect(undocumented).toEqual([]);
  });
});

describe('handoff metrics on bad input', () => {
  it('falls back to the documents when there is no history, and says so', async () => {
    const repo = knownTimeline();
    const plain = tempDir('handoff-nohistory-');
    cpSync(repo, plain, { recursive: true });
    rmSync(join(plain, '.git'), { recursive: true, force: true });
    const report = await metricsJson(plain);
    expect(report.cohort.dates_from).toBe('documents');
    expect(report.notices[0]).toContain('No Git history was found');
    // Outcomes dated by the last date in each candidate's documents: ana 02-05 (last_contact), ben 02-14,
    // cara 02-06 (her last contact; the withdrawal itself left no date) -> [5, 31, 35].
    expect(report.time_to_decision.at(-1)).toEqual({
      role: 'all',
      decided: 3,
      median_days: 31,
      p75_days: 33,
    });
    // Only the current stage is known, entered on the application date.
    expect(stageRow(report.time_in_stage, 'offer')).toEqual({ stage: 'offer', stays: 1, median_days: 31 });
    expect(stageRow(report.pass_through, 'sourced')).toMatchObject({ left: 0, skipped: 4, implied: 1 });
    // Only the current last_contact of each profile is known, and cara's withdrawal is dated 02-06:
    // ana 31 days / 6 covered, ben 35 / 6, cara 5 / 5, dan 31 / 12, eve 12 / 10.
    expect(report.update_cadence).toMatchObject({ candidate_days: 114, covered_days: 39 });

    const table = await runCli(['metrics', '--now', '2026-03-31'], { cwd: plain });
    expect(table.stdout).toContain('Note: No Git history was found');
    expect(table.stdout).toContain('stage dates from the documents alone');
  });

  it('says when the clone is shallow, and still reports', async () => {
    const repo = knownTimeline();
    const clone = join(tempDir('handoff-shallow-'), 'clone');
    git(repo, 'clone', '-q', '--depth', '3', pathToFileURL(repo).href, clone);
    const report = await metricsJson(clone);
    expect(report.notices[0]).toContain('This is a shallow clone');
    expect(report.notices.join('\n')).not.toContain('until the profile is committed');
    expect(report.cohort.candidates).toBe(5);
    // Only eve's moves are inside the last three commits; everyone else falls back to the documents.
    expect(report.cohort.dates_from).toBe('mixed');
  });

  it('treats a repository without commits like one without history', async () => {
    const repo = emptyGitRepo();
    writeFiles(repo, {
      'handoff.config.yaml': config(),
      'roles/backend-engineer.md': role('backend-engineer', 'Senior Backend Engineer'),
      'candidates/ana-lima/profile.md': profile({
        id: 'ana-lima',
        name: 'Ana Lima',
        stage: 'onsite',
        applied: '2026-03-01',
      }),
    });
    const report = await metricsJson(repo);
    expect(report.cohort).toMatchObject({ candidates: 1, dates_from: 'documents' });
    expect(report.notices[0]).toContain('No Git history was found');
  });

  it('keeps candidates without dates, leaves them out of dated figures, and says so', async () => {
    const repo = emptyGitRepo();
    writeFiles(repo, {
      'handoff.config.yaml': config(),
      'roles/backend-engineer.md': role('backend-engineer', 'Senior Backend Engineer'),
      'candidates/ana-lima/profile.md': profile({
        id: 'ana-lima',
        name: 'Ana Lima',
        stage: 'onsite',
        status: 'rejected',
      }),
      'candidates/ben-okafor/profile.md': profile({
        id: 'ben-okafor',
        name: 'Ben Okafor',
        stage: 'sourced',
        applied: '2026-03-01',
      }),
    });
    const report = await metricsJson(repo);
    expect(report.cohort.candidates).toBe(2);
    expect(report.time_to_decision.at(-1)).toEqual({
      role: 'all',
      decided: 0,
      median_days: null,
      p75_days: null,
    });
    expect(report.notices.join('\n')).toContain('1 candidate without an application date (ana-lima)');
    expect(report.update_cadence).toEqual({
      update_days: 5,
      candidate_days: 31,
      covered_days: 6,
      share: 0.1935,
    });

    const window = await metricsJson(repo, '--since', '2026-01-01');
    expect(window.cohort.candidates).toBe(1);

    const status = await runCli(['status', '--now', '2026-03-31'], { cwd: repo });
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(/Ben Okafor\s+30 days/);
  });

  it('gives empty figures, never NaN, for a window with no candidates', async () => {
    const repo = knownTimeline();
    const report = await metricsJson(repo, '--since', '2027-01-01');
    expect(report.cohort.candidates).toBe(0);
    expect(report.time_to_decision).toEqual([{ role: 'all', decided: 0, median_days: null, p75_days: null }]);
    expect(report.time_in_stage.every((row) => row.stays === 0 && row.median_days === null)).toBe(true);
    expect(report.pass_through.every((row) => row.actual === null && row.implied === null)).toBe(true);
    expect(report.offer_conversion.every((row) => row.share === null)).toBe(true);
    expect(report.candidate_experience.overall).toMatchObject({ responses: 0, mean: null });
    expect(report.scorecard_timeliness).toMatchObject({
      scorecards: 0,
      share_on_time: null,
      median_hours: null,
    });
    expect(report.update_cadence).toMatchObject({ candidate_days: 0, share: null });

    const empty = computeMetrics({
      timelines: [],
      stages: [{ id: 'sourced', name: 'Sourced' }],
      cadence: { candidate_update_days: 5, feedback_due_hours: 24, decision_days: 10 },
      now: '2026-03-31',
      datesFrom: 'documents',
      notices: [],
    });
    const numbers: number[] = [];
    JSON.stringify(empty, (_key, value) => {
      if (typeof value === 'number') numbers.push(value);
      return value;
    });
    expect(numbers.every(Number.isFinite)).toBe(true);
    expect(formatMetricsTable(empty)).not.toMatch(/NaN|Infinity/);
    expect(formatMetricsCsv(empty)).not.toMatch(/NaN|Infinity/);
  });

  it('refuses malformed dates and an inverted window with a usage error', async () => {
    const repo = knownTimeline();
    const bad = await runCli(['metrics', '--since', '2026-02-30'], { cwd: repo });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--since "2026-02-30" is not a date written as YYYY-MM-DD');
    const inverted = await runCli(['metrics', '--since', '2026-03-01', '--until', '2026-02-01'], {
      cwd: repo,
    });
    expect(inverted.code).toBe(2);
    expect(inverted.stderr).toContain('--since 2026-03-01 is after --until 2026-02-01');
    const unknownRole = await runCli(['metrics', '--role', 'backend-enginer'], { cwd: repo });
    expect(unknownRole.code).toBe(1);
    expect(unknownRole.stderr).toContain('did you mean "backend-engineer"');
  });
});

describe('percentiles', () => {
  it('interpolate linearly between closest ranks', () => {
    expect(percentile([], 0.5)).toBeNull();
    expect(percentile([7], 0.75)).toBe(7);
    expect(percentile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(percentile([10, 20, 30, 40, 50], 0.75)).toBe(40);
    expect(percentile([15, 35, 31], 0.75)).toBe(33);
  });
});

describe('timelines from events', () => {
  const facts = (more: Partial<CandidateFacts>): CandidateFacts => ({
    id: 'ana-lima',
    name: 'Ana Lima',
    role: 'backend-engineer',
    stage: 'onsite',
    status: 'active',
    recruiter: 'alex.kim',
    hiringManager: 'sam.lee',
    applied: '2026-03-01',
    channel: 'referral',
    lastContact: undefined,
    nextStep: undefined,
    memoDate: undefined,
    scorecards: [],
    surveys: [],
    ...more,
  });
  const build = (candidate: CandidateFacts, events: TimelineEvent[]) =>
    buildTimelines([candidate], { available: true, shallow: false, events }).timelines[0]!;
  const created = (date: string, stage: string): TimelineEvent => ({
    kind: 'created',
    candidate: 'ana-lima',
    date,
    stage,
    status: 'active',
  });
  const move = (date: string, from: string, to: string): TimelineEvent => ({
    kind: 'stage',
    candidate: 'ana-lima',
    date,
    from,
    to,
  });
  const status = (date: string, from: string, to: string): TimelineEvent => ({
    kind: 'status',
    candidate: 'ana-lima',
    date,
    from,
    to,
  });

  it('counts the first stage from the application and each move from its date', () => {
    const timeline = build(facts({}), [
      created('2026-03-02', 'sourced'),
      move('2026-03-05', 'sourced', 'onsite'),
    ]);
    expect(timeline.stays).toEqual([
      { stage: 'sourced', entered: '2026-03-01', left: '2026-03-05' },
      { stage: 'onsite', entered: '2026-03-05' },
    ]);
  });

  it('treats a stage edit after the outcome as a correction of where the candidate ended', () => {
    const timeline = build(facts({ status: 'rejected' }), [
      created('2026-03-01', 'sourced'),
      status('2026-03-09', 'active', 'rejected'),
      move('2026-03-09', 'sourced', 'onsite'),
    ]);
    expect(timeline.stays).toEqual([{ stage: 'onsite', entered: '2026-03-01', left: '2026-03-09' }]);
    expect(timeline.outcome).toEqual({ status: 'rejected', date: '2026-03-09' });
  });

  it('reopens after an outcome, and records holds', () => {
    const timeline = build(facts({}), [
      created('2026-03-01', 'onsite'),
      status('2026-03-04', 'active', 'on-hold'),
      status('2026-03-08', 'on-hold', 'active'),
      status('2026-03-10', 'active', 'withdrawn'),
      status('2026-03-12', 'withdrawn', 'active'),
    ]);
    expect(timeline.holds).toEqual([{ from: '2026-03-04', to: '2026-03-08' }]);
    expect(timeline.outcome).toBeUndefined();
    expect(timeline.stays).toEqual([
      { stage: 'onsite', entered: '2026-03-01', left: '2026-03-10' },
      { stage: 'onsite', entered: '2026-03-12' },
    ]);
  });

  it('lets the documents win over the history for a change not committed yet', () => {
    const timeline = build(facts({ stage: 'offer' }), [
      created('2026-03-01', 'sourced'),
      move('2026-03-06', 'sourced', 'onsite'),
    ]);
    expect(timeline.stays.at(-1)).toEqual({ stage: 'offer', entered: '2026-03-06' });
    expect(timeline.stays.at(-2)).toEqual({ stage: 'onsite', entered: '2026-03-06', left: '2026-03-06' });
  });

  it('starts from the first recorded move when the history does not reach the creation', () => {
    const timeline = build(facts({}), [move('2026-03-07', 'recruiter-screen', 'onsite')]);
    expect(timeline.stays).toEqual([
      { stage: 'recruiter-screen', entered: '2026-03-01', left: '2026-03-07' },
      { stage: 'onsite', entered: '2026-03-07' },
    ]);
  });

  it('leaves out a profile without a readable stage, with a notice', () => {
    const set = buildTimelines([facts({ stage: undefined })], {
      available: false,
      shallow: false,
      events: [],
    });
    expect(set.timelines).toEqual([]);
    expect(set.notices.join('\n')).toContain(
      '1 candidate left out because the profile has no readable stage or status (ana-lima)',
    );
  });
});
