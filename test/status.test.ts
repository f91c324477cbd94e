import { describe, expect, it } from 'vitest';
import type { StatusReport } from '../src/core/pipeline/status.js';
import { runCli, writeFiles } from './helpers/repo.js';
import {
  commitAt,
  config,
  emptyGitRepo,
  memo,
  type ProfileFields,
  profile,
  role,
  scorecard,
} from './pipeline-fixture.js';

/**
 * One candidate per kind of action item, each move committed on a known day; --now 2026-03-31.
 * The hiring manager screen requires a memo; onsite allows 14 days.
 *
 * theo   onsite since 03-01 (30 days)                        -> stalled, over max_days by 16
 * noah   hiring-manager-screen, next step "Hold the hiring manager screen" due 03-20, no scorecard
 *                                                            -> scorecard past due (sam.lee), due 03-21
 * lena   recruiter-screen since 03-14, last contact 03-20    -> limbo, due 03-25
 * gina   hiring-manager-screen since 03-25 without a memo    -> gate prerequisite missing
 * sami   onsite, scorecard from pat.quinn (03-26), none from mei.tanaka -> scorecard past due, due 03-27
 * dora   onsite since 03-19, both scorecards on 03-19, no decision -> decision past due, due 03-29
 * rita   sourced since 03-26; three others left sourced after 2 days -> stalled, twice the median (4)
 * olga   on hold (board only); x1, x2, x3 rejected (no actions); pia on another role
 */
function repository(): string {
  const repo = emptyGitRepo();
  const recent = '2026-03-29';
  const people: Record<string, Omit<ProfileFields, 'stage'>> = {
    theo: {
      id: 'theo-berg',
      name: 'Theo Berg',
      applied: '2026-02-20',
      lastContact: recent,
      nextStep: { action: 'Book the onsite', owner: 'alex.kim', due: '2026-04-02' },
    },
    noah: {
      id: 'noah-diaz',
      name: 'Noah Diaz',
      applied: '2026-03-05',
      lastContact: recent,
      nextStep: { action: 'Hold the hiring manager screen', owner: 'sam.lee', due: '2026-03-20' },
    },
    lena: { id: 'lena-fox', name: 'Lena Fox', applied: '2026-03-14', lastContact: '2026-03-20' },
    gina: { id: 'gina-hale', name: 'Gina Hale', applied: '2026-03-20', lastContact: recent },
    sami: { id: 'sami-aziz', name: 'Sami Aziz', applied: '2026-03-01', lastContact: recent },
    dora: { id: 'dora-ito', name: 'Dora Ito', applied: '2026-03-01', lastContact: recent },
    rita: { id: 'rita-moss', name: 'Rita Moss', applied: '2026-03-26', lastContact: recent },
    olga: {
      id: 'olga-ivanova',
      name: 'Olga Ivanova',
      applied: '2026-03-01',
      lastContact: '2026-03-01',
      status: 'on-hold',
    },
    x1: { id: 'xavi-one', name: 'Xavi One', applied: '2026-03-01' },
    x2: { id: 'xena-two', name: 'Xena Two', applied: '2026-03-02' },
    x3: { id: 'xiu-three', name: 'Xiu Three', applied: '2026-03-03' },
    pia: { id: 'pia-lund', name: 'Pia Lund', role: 'product-designer', applied: recent, lastContact: recent },
  };
  const at = (who: keyof typeof people, stage: string, more: Partial<ProfileFields> = {}) => ({
    [`candidates/${people[who]!.id}/profile.md`]: profile({ ...people[who]!, stage, ...more }),
  });
  const card = (who: keyof typeof people, interview: string, interviewer: string, day: string) => ({
    [`candidates/${people[who]!.id}/feedback/${interview}--${interviewer}.md`]: scorecard(
      people[who]!.id,
      interview,
      interviewer,
      day,
      `${day}T17:00:00Z`,
    ),
  });

  commitAt(repo, '2026-02-01', 'Start', {
    'handoff.config.yaml': config({ requires: { 'hiring-manager-screen': ['memo'] } }),
    'roles/backend-engineer.md': role('backend-engineer', 'Senior Backend Engineer'),
    'roles/product-designer.md': role('product-designer', 'Product Designer'),
  });
  commitAt(repo, '2026-02-20', 'Add theo', at('theo', 'recruiter-screen'));
  commitAt(repo, '2026-03-01', 'Moves and new candidates', {
    ...at('theo', 'onsite'),
    ...at('sami', 'recruiter-screen'),
    ...at('dora', 'recruiter-screen'),
    ...at('olga', 'onsite'),
    ...at('x1', 'sourced'),
  });
  commitAt(repo, '2026-03-02', 'Add x2', at('x2', 'sourced'));
  commitAt(repo, '2026-03-03', 'x1 rejected, add x3', {
    ...at('x1', 'sourced', { status: 'rejected' }),
    ...at('x3', 'sourced'),
  });
  commitAt(repo, '2026-03-04', 'x2 rejected', at('x2', 'sourced', { status: 'rejected' }));
  commitAt(repo, '2026-03-05', 'x3 rejected, add noah', {
    ...at('x3', 'sourced', { status: 'rejected' }),
    ...at('noah', 'recruiter-screen'),
    'candidates/noah-diaz/memo.md': memo('noah-diaz', '2026-03-05'),
  });
  commitAt(repo, '2026-03-14', 'Add lena', at('lena', 'recruiter-screen', { lastContact: '2026-03-14' }));
  commitAt(repo, '2026-03-15', 'noah to the hiring manager', at('noah', 'hiring-manager-screen'));
  commitAt(repo, '2026-03-19', 'dora onsite', {
    'candidates/dora-ito/memo.md': memo('dora-ito', '2026-03-10'),
    ...at('dora', 'onsite'),
    ...card('dora', 'onsite-design', 'pat.quinn', '2026-03-19'),
    ...card('dora', 'onsite-design', 'mei.tanaka', '2026-03-19'),
  });
  commitAt(repo, '2026-03-20', 'sami onsite, add gina, lena updated', {
    ...at('sami', 'onsite'),
    ...at('gina', 'recruiter-screen'),
    ...at('lena', 'recruiter-screen'),
  });
  commitAt(repo, '2026-03-25', 'gina to the hiring manager', at('gina', 'hiring-manager-screen'));
  commitAt(repo, '2026-03-26', 'sami scorecard, add rita', {
    ...card('sami', 'onsite-design', 'pat.quinn', '2026-03-26'),
    ...at('rita', 'sourced'),
  });
  commitAt(repo, '2026-03-29', 'Add pia', at('pia', 'sourced'));
  return repo;
}

async function statusJson(repo: string, ...args: string[]): Promise<StatusReport> {
  const result = await runCli(['status', '--json', '--now', '2026-03-31', ...args], { cwd: repo });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as StatusReport;
}

describe('handoff status', () => {
  it('lists each kind of action item, most urgent first', async () => {
    const report = await statusJson(repository());
    expect(report.dates_from).toBe('history');
    expect(
      report.actions.map(({ kind, candidate, owner, due, days_overdue, about }) => ({
        kind,
        candidate,
        owner,
        due,
        days_overdue,
        about,
      })),
    ).toEqual([
      {
        kind: 'stalled',
        candidate: 'theo-berg',
        owner: 'alex.kim',
        due: '2026-03-15',
        days_overdue: 16,
        about: null,
      },
      {
        kind: 'scorecard-overdue',
        candidate: 'noah-diaz',
        owner: 'sam.lee',
        due: '2026-03-21',
        days_overdue: 10,
        about: 'hm-screen',
      },
      {
        kind: 'limbo',
        candidate: 'lena-fox',
        owner: 'alex.kim',
        due: '2026-03-25',
        days_overdue: 6,
        about: null,
      },
      {
        kind: 'gate-missing',
        candidate: 'gina-hale',
        owner: 'alex.kim',
        due: '2026-03-25',
        days_overdue: 6,
        about: 'memo',
      },
      {
        kind: 'scorecard-overdue',
        candidate: 'sami-aziz',
        owner: 'mei.tanaka',
        due: '2026-03-27',
        days_overdue: 4,
        about: 'onsite-design',
      },
      {
        kind: 'decision-overdue',
        candidate: 'dora-ito',
        owner: 'sam.lee',
        due: '2026-03-29',
        days_overdue: 2,
        about: null,
      },
      {
        kind: 'stalled',
        candidate: 'rita-moss',
        owner: 'alex.kim',
        due: '2026-03-30',
        days_overdue: 1,
        about: null,
      },
    ]);
    const details = Object.fromEntries(report.actions.map((action) => [action.candidate, action.detail]));
    expect(details['theo-berg']).toBe('30 days in Onsite; the stage allows 14');
    expect(details['rita-moss']).toBe("5 days in Sourced; twice the stage's median of 2");
    expect(details['noah-diaz']).toBe(
      'no scorecard from sam.lee for hm-screen (interviewed 2026-03-20, per the next step)',
    );
    expect(details['sami-aziz']).toBe(
      'no scorecard from mei.tanaka for onsite-design (interviewed 2026-03-26)',
    );
    expect(details['lena-fox']).toBe('no update since 2026-03-20 (every 5 days)');
    expect(details['dora-ito']).toBe('no decision since the last interview on 2026-03-19 (within 10 days)');
    expect(details['gina-hale']).toContain('Hiring manager screen requires memo: there is no context memo');
  });

  it('shows the board by role and stage, and the bottleneck', async () => {
    const report = await statusJson(repository());
    const backend = report.board.find((role) => role.role === 'backend-engineer')!;
    expect(backend).toMatchObject({
      title: 'Senior Backend Engineer',
      status: 'open',
      hiring_manager: 'sam.lee',
      recruiter: 'alex.kim',
    });
    expect(
      backend.stages.map((stage) => [stage.stage, stage.candidates.map((c) => [c.id, c.days_in_stage])]),
    ).toEqual([
      ['sourced', [['rita-moss', 5]]],
      ['recruiter-screen', [['lena-fox', 17]]],
      [
        'hiring-manager-screen',
        [
          ['noah-diaz', 16],
          ['gina-hale', 6],
        ],
      ],
      [
        'onsite',
        [
          ['olga-ivanova', 30],
          ['theo-berg', 30],
          ['dora-ito', 12],
          ['sami-aziz', 11],
        ],
      ],
    ]);
    const noah = backend.stages[2]!.candidates[0]!;
    expect(noah).toMatchObject({
      next_step: 'Hold the hiring manager screen',
      owner: 'sam.lee',
      due: '2026-03-20',
      overdue: true,
    });
    expect(backend.stages[3]!.candidates[0]!.status).toBe('on-hold');
    // Median days in stage now: recruiter-screen 17, hiring-manager-screen 11, onsite 12, sourced 5.
    expect(report.bottleneck).toEqual({
      stage: 'recruiter-screen',
      name: 'Recruiter screen',
      candidates: 1,
      median_days: 17,
      longest_days: 17,
    });
  });

  it('prints the board, the actions and the bottleneck for people', async () => {
    const result = await runCli(['status', '--now', '2026-03-31'], { cwd: repository() });
    expect(result.code).toBe(0);
    const out = result.stdout;
    expect(out).toContain('Acme Payments pipeline on 2026-03-31');
    expect(out).toContain(
      'Senior Backend Engineer (backend-engineer) · hiring manager sam.lee · recruiter alex.kim',
    );
    expect(out).toMatch(
      /Noah Diaz\s+16 days\s+Hold the hiring manager screen\s+sam\.lee\s+due 2026-03-20 \(overdue\)/,
    );
    expect(out).toMatch(/Olga Ivanova\s+30 days .*\[on hold\]/);
    expect(out).toContain('Needs action: 7, most urgent first');
    expect(out).toMatch(
      /16d late\s+stalled in stage\s+Theo Berg\s+30 days in Onsite; the stage allows 14\s+-> alex\.kim/,
    );
    expect(out).toMatch(/in stage 6d\s+gate prerequisite missing\s+Gina Hale/);
    expect(out).toContain(
      'Bottleneck: Recruiter screen: 1 active candidate, median 17 days in the stage (longest 17 days)',
    );
    expect(out).not.toContain('mail.example');
    const actions = out.slice(out.indexOf('Needs action'));
    expect(actions.indexOf('Theo Berg')).toBeLessThan(actions.indexOf('Rita Moss'));
  });

  it('shows what one person must do with --owner', async () => {
    const repo = repository();
    const mei = await statusJson(repo, '--owner', 'mei.tanaka');
    expect(mei.filter).toEqual({ role: null, owner: 'mei.tanaka' });
    expect(mei.actions.map((action) => [action.kind, action.candidate])).toEqual([
      ['scorecard-overdue', 'sami-aziz'],
    ]);
    expect(mei.board.flatMap((role) => role.stages)).toEqual([]);

    const sam = await statusJson(repo, '--owner', 'sam.lee');
    expect(sam.actions.map((action) => [action.kind, action.candidate])).toEqual([
      ['scorecard-overdue', 'noah-diaz'],
      ['decision-overdue', 'dora-ito'],
    ]);
    expect(
      sam.board.flatMap((role) => role.stages.flatMap((stage) => stage.candidates.map((c) => c.id))),
    ).toEqual(['noah-diaz']);
  });

  it('keeps one role with --role', async () => {
    const report = await statusJson(repository(), '--role', 'product-designer');
    expect(report.board.map((role) => role.role)).toEqual(['product-designer']);
    expect(report.board[0]!.stages).toEqual([
      {
        stage: 'sourced',
        name: 'Sourced',
        candidates: [
          {
            id: 'pia-lund',
            name: 'Pia Lund',
            status: 'active',
            entered: '2026-03-29',
            days_in_stage: 2,
            next_step: null,
            owner: null,
            due: null,
            overdue: false,
          },
        ],
      },
    ]);
    expect(report.actions).toEqual([]);
    expect(report.bottleneck).toMatchObject({ stage: 'sourced', median_days: 2 });
  });

  it('refuses an unknown role, person or date', async () => {
    const repo = repository();
    const person = await runCli(['status', '--owner', 'mei.tanka'], { cwd: repo });
    expect(person.code).toBe(1);
    expect(person.stderr).toContain(
      'there is no person "mei.tanka" in the config (did you mean "mei.tanaka"?)',
    );
    const roleResult = await runCli(['status', '--role', 'designer'], { cwd: repo });
    expect(roleResult.code).toBe(1);
    expect(roleResult.stderr).toContain('there is no role "designer"');
    const now = await runCli(['status', '--now', '31/03/2026'], { cwd: repo });
    expect(now.code).toBe(2);
    expect(now.stderr).toContain('--now "31/03/2026" is not a date written as YYYY-MM-DD');
  });

  it('works from the documents alone when there are no commits, with a notice', async () => {
    const plain = emptyGitRepo();
    const files = {
      'handoff.config.yaml': config(),
      'roles/backend-engineer.md': role('backend-engineer', 'Senior Backend Engineer'),
      'candidates/lena-fox/profile.md': profile({
        id: 'lena-fox',
        name: 'Lena Fox',
        stage: 'onsite',
        applied: '2026-03-01',
        lastContact: '2026-03-20',
      }),
    };
    writeFiles(plain, files);
    const report = await statusJson(plain);
    expect(report.dates_from).toBe('documents');
    expect(report.notices[0]).toContain('No Git history was found');
    // Entered onsite on the application date: 30 days, over max_days (14) by 16; and no update since 03-20.
    expect(report.actions.map((action) => [action.kind, action.days_overdue])).toEqual([
      ['stalled', 16],
      ['limbo', 6],
    ]);
  });
});
