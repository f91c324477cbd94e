import { fc, test as property } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { deriveEvents, type HandoffEvent, readVersions } from '../src/core/audit/events.js';
import { dataFromDifference, VersionCache } from '../src/core/audit/fields.js';
import { describeEvent, formatEventsNdjson } from '../src/core/audit/format.js';
import {
  type Commit,
  type FileChange,
  GitLogParser,
  parseGitLog,
  parseRawDiff,
} from '../src/core/audit/git-log.js';
import { readHandoffTrailers } from '../src/core/audit/trailers.js';
import { buildCodeowners } from '../src/core/codeowners.js';
import { parseConfig } from '../src/core/config.js';
import { locateDocument } from '../src/core/layout.js';
import { editFrontMatter } from '../src/core/profile-edit.js';
import { renderReviewMarkdown } from '../src/core/review/render.js';
import type { ReviewSummary } from '../src/core/review/summary.js';
import { buildWorkspace, type Loaded, loadDocument } from '../src/core/workspace.js';
import { parseFrontMatterYaml } from '../src/core/yaml.js';
import { config, profile, role } from './history-fixture.js';

const US = '\x1f';
const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const C = 'c'.repeat(40);

function header(
  hash: string,
  parents: string,
  message: string,
  author = 'Alex Kim',
  date = '2026-11-02T12:00:00+00:00',
  sig = 'N',
) {
  return [hash, parents, author, 'alex.kim@acme.example', date, sig, message].join(US);
}

function raw(status: string, oldBlob: string, newBlob: string, ...paths: string[]): string {
  return `:100644 100644 ${oldBlob} ${newBlob} ${status}\0${paths.join('\0')}\0`;
}

const ZERO = '0'.repeat(40);
const sampleLog =
  `${header(C, B, 'Rename\n\nbody with \x1f inside')}\0\n` +
  raw(
    'R087',
    '1'.repeat(40),
    '2'.repeat(40),
    'candidates/ana-lima/surveys/2026-11-09.md',
    'candidates/ana-lima/surveys/2026-11-10.md',
  ) +
  `${header(B, `${A} ${'d'.repeat(40)}`, 'Merge pull request #1')}\0` +
  `${header(A, '', 'Add Zoë\n\nHandoff-Event: new-candidate', 'Zoë Ł', '2026-11-01T09:00:00+01:00', 'G')}\0\n` +
  raw('A', ZERO, '3'.repeat(40), 'candidates/zoë/notes with\nnewline.md') +
  raw('M', '4'.repeat(40), '5'.repeat(40), 'roles/backend-engineer.md');

describe('parsing git log -z --raw', () => {
  it('reads commits, parents, signatures, messages and changes, whatever the paths hold', () => {
    const commits = parseGitLog(sampleLog);
    expect(
      commits.map((commit) => [commit.hash[0], commit.parents.length, commit.signature, commit.subject]),
    ).toEqual([
      ['c', 1, 'N', 'Rename'],
      ['b', 2, 'N', 'Merge pull request #1'],
      ['a', 0, 'G', 'Add Zoë'],
    ]);
    expect(commits[0]!.message).toBe('Rename\n\nbody with \x1f inside');
    expect(commits[0]!.changes).toEqual([
      {
        status: 'R',
        location: { kind: 'survey', candidateId: 'ana-lima', date: '2026-11-10' },
        oldLocation: { kind: 'survey', candidateId: 'ana-lima', date: '2026-11-09' },
        oldPath: 'candidates/ana-lima/surveys/2026-11-09.md',
        path: 'candidates/ana-lima/surveys/2026-11-10.md',
        oldBlob: '1'.repeat(40),
        newBlob: '2'.repeat(40),
      },
    ]);
    expect(commits[1]!.changes).toEqual([]);
    expect(commits[2]!.author).toBe('Zoë Ł');
    expect(commits[2]!.changes.map((change) => [change.status, change.path, change.oldBlob])).toEqual([
      ['A', 'candidates/zoë/notes with\nnewline.md', undefined],
      ['M', 'roles/backend-engineer.md', '4'.repeat(40)],
    ]);
  });

  property.prop([fc.array(fc.nat({ max: sampleLog.length }), { maxLength: 12 })])(
    'gives the same commits however the output is split into chunks',
    (cuts) => {
      const points = [...new Set(cuts)].sort((a, b) => a - b);
      const parser = new GitLogParser();
      const commits: Commit[] = [];
      let last = 0;
      for (const point of [...points, sampleLog.length]) {
        commits.push(...parser.push(sampleLog.slice(last, point)));
        last = point;
      }
      commits.push(...parser.end());
      expect(commits).toEqual(parseGitLog(sampleLog));
    },
  );

  it('reads git diff --raw -z', () => {
    expect(parseRawDiff(raw('D', '6'.repeat(40), ZERO, 'candidates/x/memo.md'))).toEqual([
      {
        status: 'D',
        location: { kind: 'memo', candidateId: 'x' },
        path: 'candidates/x/memo.md',
        oldBlob: '6'.repeat(40),
        newBlob: undefined,
      },
    ]);
  });
});

describe('Handoff trailers', () => {
  it('reads a move, with its date and override', () => {
    const message =
      'Advance ana-lima to onsite\n\nHandoff-Event: advance\nHandoff-Candidate: ana-lima\nHandoff-From: hiring-manager-screen\n' +
      'Handoff-Stage: onsite\nHandoff-Date: 2026-11-20\nHandoff-Override: HM waived the memo\nSigned-off-by: Alex <a@x>\n';
    expect(readHandoffTrailers(message)).toEqual({
      moves: [
        {
          candidate: 'ana-lima',
          stage: 'onsite',
          from: 'hiring-manager-screen',
          date: '2026-11-20',
          override: 'HM waived the memo',
        },
      ],
      malformed: [],
    });
  });

  it('reads every block of a squash merge, and ignores events that record no move', () => {
    const message = [
      'Hiring updates (#12)',
      '',
      '* Advance ana-lima to recruiter-screen',
      '',
      'Handoff-Event: advance',
      'Handoff-Candidate: ana-lima',
      'Handoff-Stage: recruiter-screen',
      '',
      '* Mark ana-lima withdrawn',
      '',
      'Handoff-Event: advance',
      'Handoff-Candidate: ana-lima',
      'Handoff-Status: withdrawn',
      '',
      'Handoff-Event: new-memo',
      'Handoff-Candidate: jonas-berg',
      'Handoff-Reviewer: someone',
      '',
      'Co-authored-by: Sam Lee <sam.lee@acme.example>',
    ].join('\n');
    expect(readHandoffTrailers(message)).toEqual({
      moves: [
        { candidate: 'ana-lima', stage: 'recruiter-screen' },
        { candidate: 'ana-lima', status: 'withdrawn' },
      ],
      malformed: [],
    });
  });

  it.each([
    ['Handoff-Event: advance\nHandoff-Stage: onsite', null, 'Handoff-Candidate is missing'],
    [
      'Handoff-Event: advance\nHandoff-Candidate: Ana Lima\nHandoff-Stage: onsite',
      null,
      'Handoff-Candidate "Ana Lima" is not a candidate id',
    ],
    [
      'Handoff-Event: advance\nHandoff-Candidate: ana-lima',
      'ana-lima',
      'neither Handoff-Stage nor Handoff-Status is given',
    ],
    [
      'Handoff-Event: advance\nHandoff-Candidate: ana-lima\nHandoff-Status: hired!',
      'ana-lima',
      'Handoff-Status "hired!" is not one of',
    ],
    [
      'Handoff-Event: advance\nHandoff-Candidate: ana-lima\nHandoff-Stage: onsite\nHandoff-Date: 2026-02-30',
      'ana-lima',
      'Handoff-Date "2026-02-30"',
    ],
    ['Handoff-Candidate: ana-lima\nHandoff-Stage: onsite', 'ana-lima', 'Handoff-Event is missing'],
    [
      'Handoff-Event: advance\nHandoff-Candidate: ana-lima\nHandoff-Stage: onsite\nHandoff-Override:',
      'ana-lima',
      'gives no reason',
    ],
  ])('reports %j as malformed', (trailers, candidate, message) => {
    const reading = readHandoffTrailers(`Subject\n\n${trailers}\n`);
    expect(reading.moves).toEqual([]);
    expect(reading.malformed).toHaveLength(1);
    expect(reading.malformed[0]!.candidate).toBe(candidate);
    expect(reading.malformed[0]!.message).toContain(message);
  });
});

/** A tiny history: commits as data, blobs by made-up id. */
class History {
  readonly commits: Commit[] = [];
  readonly versions = new VersionCache();
  private blobCount = 0;
  private day = 1;

  blob(text: string): string {
    const id = (++this.blobCount).toString(16).padStart(40, '0');
    this.versions.add(id, text);
    return id;
  }

  commit(message: string, changes: FileChange[], author = 'Alex Kim'): string {
    const hash = (this.commits.length + 1).toString(16).padStart(40, 'f');
    const date = `2026-11-${String(this.day++).padStart(2, '0')}T12:00:00+00:00`;
    this.commits.push({
      hash,
      parents: [],
      author,
      email: '',
      date,
      signature: 'N',
      subject: message.split('\n')[0]!,
      message,
      changes,
    });
    return hash;
  }

  events(options: { shallowBoundaries?: Set<string> } = {}): HandoffEvent[] {
    readVersions(this.commits, this.versions);
    if (this.versions.needsFullParser) this.versions.complete(parseFrontMatterYaml);
    return deriveEvents(this.commits, this.versions, options);
  }
}

const path = (id: string, file = 'profile.md') => `candidates/${id}/${file}`;
const added = (file: string, blob: string): FileChange => ({
  status: 'A',
  location: locateDocument(file),
  path: file,
  oldBlob: undefined,
  newBlob: blob,
});
const renamed = (from: string, to: string, oldBlob: string, newBlob: string): FileChange => ({
  status: 'R',
  location: locateDocument(to),
  oldLocation: locateDocument(from),
  path: to,
  oldPath: from,
  oldBlob,
  newBlob,
});
const modified = (file: string, from: string, to: string): FileChange => ({
  status: 'M',
  location: locateDocument(file),
  path: file,
  oldBlob: from,
  newBlob: to,
});
const summary = (events: HandoffEvent[]) =>
  events.map((event) =>
    [event.candidate, event.type, event.from ?? event.stage ?? event.path, event.to ?? event.source].join(
      ' ',
    ),
  );

describe('deriving events', () => {
  it('reads a squash merge of two moves from its trailer blocks, not from the net change', () => {
    const history = new History();
    const v1 = history.blob(profile('ana-lima', 'Ana Lima', 'sourced'));
    const v2 = history.blob(profile('ana-lima', 'Ana Lima', 'hiring-manager-screen'));
    history.commit('Add', [added(path('ana-lima'), v1)]);
    history.commit(
      'Squashed (#3)\n\n* one\n\nHandoff-Event: advance\nHandoff-Candidate: ana-lima\nHandoff-Stage: recruiter-screen\n\n' +
        '* two\n\nHandoff-Event: advance\nHandoff-Candidate: ana-lima\nHandoff-From: recruiter-screen\nHandoff-Stage: hiring-manager-screen\n',
      [modified(path('ana-lima'), v1, v2)],
    );
    expect(summary(history.events())).toEqual([
      'ana-lima profile-created sourced file',
      'ana-lima stage-changed sourced recruiter-screen',
      'ana-lima stage-changed recruiter-screen hiring-manager-screen',
    ]);
  });

  it('adds the front-matter change when the trailers do not explain it', () => {
    const history = new History();
    const v1 = history.blob(profile('ana-lima', 'Ana Lima', 'sourced'));
    const v2 = history.blob(profile('ana-lima', 'Ana Lima', 'onsite', 'on-hold'));
    history.commit('Add', [added(path('ana-lima'), v1)]);
    history.commit(
      'Advance\n\nHandoff-Event: advance\nHandoff-Candidate: ana-lima\nHandoff-Stage: recruiter-screen',
      [modified(path('ana-lima'), v1, v2)],
    );
    const events = history.events();
    expect(summary(events)).toEqual([
      'ana-lima profile-created sourced file',
      'ana-lima stage-changed sourced recruiter-screen',
      'ana-lima stage-changed sourced onsite',
      'ana-lima status-changed active on-hold',
    ]);
    expect(events.slice(1).map((event) => event.source)).toEqual(['trailer', 'front-matter', 'front-matter']);
  });

  it('follows a renamed candidate folder: earlier events move to the new id, one rename event', () => {
    const history = new History();
    const v1 = history.blob(profile('ana', 'Ana Lima', 'sourced'));
    const v2 = history.blob(profile('ana-lima', 'Ana Lima', 'sourced'));
    const v3 = history.blob(profile('ana-lima', 'Ana Lima', 'recruiter-screen'));
    const memoBlob = history.blob('---\nkind: memo\n---\n');
    history.commit('Add', [added(path('ana'), v1), added(path('ana', 'memo.md'), memoBlob)]);
    history.commit('Rename', [
      renamed(path('ana'), path('ana-lima'), v1, v2),
      renamed(path('ana', 'memo.md'), path('ana-lima', 'memo.md'), memoBlob, memoBlob),
    ]);
    history.commit('Screen', [modified(path('ana-lima'), v2, v3)]);
    expect(summary(history.events())).toEqual([
      'ana-lima profile-created sourced file',
      'ana-lima memo-added candidates/ana/memo.md file',
      'ana-lima renamed ana ana-lima',
      'ana-lima stage-changed sourced recruiter-screen',
    ]);
  });

  it('reaches only the active candidates of a role whose rubric or loop changed', () => {
    const history = new History();
    const r1 = history.blob(role());
    const r2 = history.blob(role('Does all of 3 and estimates capacity first.'));
    const r3 = history.blob(
      role('Does all of 3 and estimates capacity first.').replace('min: 90000', 'min: 95000'),
    );
    const ana = history.blob(profile('ana-lima', 'Ana Lima', 'onsite'));
    const li = history.blob(profile('li-wei', 'Li Wei', 'onsite', 'rejected'));
    history.commit('Add', [
      added('roles/backend-engineer.md', r1),
      added(path('ana-lima'), ana),
      added(path('li-wei'), li),
    ]);
    history.commit('Rubric', [modified('roles/backend-engineer.md', r1, r2)], 'Sam Lee');
    history.commit('Pay', [modified('roles/backend-engineer.md', r2, r3)], 'Sam Lee');
    const changed = history.events().filter((event) => event.type === 'role-changed');
    expect(changed.map((event) => [event.candidate, event.role, event.changes, event.author])).toEqual([
      ['ana-lima', 'backend-engineer', ['rubric'], 'Sam Lee'],
    ]);
  });

  it('reports front matter that stopped parsing once, then the move made while it was broken', () => {
    const history = new History();
    const v1 = history.blob(profile('ana-lima', 'Ana Lima', 'sourced'));
    const broken = history.blob(
      profile('ana-lima', 'Ana Lima', 'sourced').replace('role: backend-engineer', 'role: [backend'),
    );
    const broken2 = history.blob(
      `${profile('ana-lima', 'Ana Lima', 'onsite').replace('role: backend-engineer', 'role: [backend')}\nMore.\n`,
    );
    const fixed = history.blob(profile('ana-lima', 'Ana Lima', 'onsite'));
    history.commit('Add', [added(path('ana-lima'), v1)]);
    history.commit('Oops', [modified(path('ana-lima'), v1, broken)]);
    history.commit('Oops again', [modified(path('ana-lima'), broken, broken2)]);
    history.commit('Fix', [modified(path('ana-lima'), broken2, fixed)]);
    const events = history.events();
    expect(summary(events)).toEqual([
      'ana-lima profile-created sourced file',
      `ana-lima unreadable-front-matter ${path('ana-lima')} front-matter`,
      'ana-lima stage-changed sourced onsite',
    ]);
    expect(events[1]!.message).toMatch(/^line 6: invalid YAML/);
  });

  it('names the only candidate a commit touches on a malformed trailer, and keeps quiet at a shallow edge', () => {
    const history = new History();
    const v1 = history.blob(profile('ana-lima', 'Ana Lima', 'sourced'));
    const v2 = history.blob(profile('ana-lima', 'Ana Lima', 'recruiter-screen'));
    const edge = history.commit('Edge', [added(path('ana-lima'), v1)]);
    history.commit('Advance\n\nHandoff-Event: advance\nHandoff-Stage: recruiter-screen', [
      modified(path('ana-lima'), v1, v2),
    ]);
    expect(summary(history.events({ shallowBoundaries: new Set([edge]) }))).toEqual([
      'ana-lima stage-changed sourced recruiter-screen',
      'ana-lima malformed-trailer  trailer',
    ]);
  });
});

describe('reading versions from their difference', () => {
  const base = profile('ana-lima', 'Ana Lima', 'onsite');
  const variants: [string, string][] = [
    [
      'a stage change',
      base.replace('stage: onsite # moved by handoff advance', 'stage: offer # moved by handoff advance'),
    ],
    ['a status change', base.replace('status: active', 'status: hired')],
    ['a quoted value', base.replace('status: active', 'status: "hired"')],
    ['a number', base.replace('status: active', 'status: 12')],
    ['a value with a colon', base.replace('timezone: Europe/Lisbon', 'timezone: UTC: 0')],
    ['a renamed key', base.replace('status: active', 'state: active')],
    ['an added line', base.replace('status: active', 'status: active\npronouns: she/her')],
    ['a nested change', base.replace('own-ledger: Ran', 'own-ledger: Has run')],
    ['a broken flow map', base.replace('source: { channel', 'source: { channel: [')],
  ];
  it.each(variants)('%s reads as the full parser reads it', (_name, text) => {
    const cache = new VersionCache();
    cache.add('old', base);
    cache.add('new', text);
    cache.read('old');
    cache.read('new', 'old');
    if (cache.needsFullParser) cache.complete(parseFrontMatterYaml);
    const full = new VersionCache();
    full.add('new', text);
    full.read('new');
    if (full.needsFullParser) full.complete(parseFrontMatterYaml);
    expect(cache.get('new')).toEqual(full.get('new'));
  });

  const keys = [
    'stage: ',
    'status: ',
    'timezone: ',
    '  own-ledger: ',
    'fit: ',
    'stage:',
    'stage:  ',
    '- ',
    '#',
  ];
  const values = [
    'offer',
    'on hold',
    'x: y',
    '"quoted"',
    "'q'",
    '[a',
    '{ a: b }',
    '12',
    'true',
    'a # c',
    'a#c',
    '',
    '|',
    '&x a',
    'café',
    'null',
  ];
  property.prop([fc.nat(), fc.constantFrom(...keys), fc.constantFrom(...values)])(
    'reads any one-line edit of a profile as the full parser does',
    (seed, key, value) => {
      const lines = base.split('\n');
      const closing = lines.indexOf('---', 1);
      lines[1 + (seed % (closing - 1))] = `${key}${value}`;
      const text = lines.join('\n');
      const read = (cache: VersionCache, neighbour?: string) => {
        cache.read('new', neighbour);
        if (cache.needsFullParser) cache.complete(parseFrontMatterYaml);
        return cache.get('new');
      };
      const viaNeighbour = new VersionCache();
      viaNeighbour.add('old', base);
      viaNeighbour.read('old');
      viaNeighbour.add('new', text);
      const alone = new VersionCache();
      alone.add('new', text);
      expect(read(viaNeighbour, 'old')).toEqual(read(alone));
    },
  );

  it('reads an older version from the newer one too, keeping only the asked keys', () => {
    const cache = new VersionCache(['stage', 'status']);
    cache.add('newer', profile('ana-lima', 'Ana Lima', 'offer', 'hired'));
    cache.add('older', base);
    cache.read('newer');
    cache.read('older', 'newer');
    expect(cache.needsFullParser).toBe(false);
    expect(cache.get('newer')).toEqual({ readable: true, data: { stage: 'offer', status: 'hired' } });
    expect(cache.get('older')).toEqual({ readable: true, data: { stage: 'onsite', status: 'active' } });
  });

  it('only takes differences it can prove harmless', () => {
    const lines = ['kind: candidate', 'stage: onsite', 'status: active'];
    const data = { kind: 'candidate', stage: 'onsite', status: 'active' };
    expect(dataFromDifference(data, lines, ['kind: candidate', 'stage: offer', 'status: active'])).toEqual({
      ...data,
      stage: 'offer',
    });
    expect(
      dataFromDifference(data, lines, ['kind: candidate', 'stage: off: er', 'status: active']),
    ).toBeUndefined();
    expect(
      dataFromDifference(data, lines, ['kind: candidate', 'stage: offer # x', 'status: active']),
    ).toEqual({
      ...data,
      stage: 'offer',
    });
    expect(
      dataFromDifference(data, lines, ['kind: candidate', 'stage: offer#x', 'status: active']),
    ).toBeUndefined();
    expect(
      dataFromDifference(data, lines, ['kind: candidate', 'stage: off\tr', 'status: active']),
    ).toBeUndefined();
    expect(
      dataFromDifference(data, lines, ['kind: candidate', 'stage: true', 'status: active']),
    ).toBeUndefined();
    expect(
      dataFromDifference(data, lines, ['kind: candidate', '__proto__: x', 'status: active']),
    ).toBeUndefined();
    expect(
      dataFromDifference(data, lines, ['kind: candidate', '  stage: offer', 'status: active']),
    ).toBeUndefined();
  });
});

describe('editing a profile in place', () => {
  const text = profile('ana-lima', 'Ana Lima', 'onsite').replace(
    '## Summary',
    '## Summary\n\n---\nstage: not front matter\n',
  );

  it('changes only the values, keeping comments, flow maps, quotes and the body byte for byte', () => {
    const result = editFrontMatter(text, { stage: 'offer', last_contact: '2026-11-20' });
    expect(result).toEqual({
      ok: true,
      text: text
        .replace('stage: onsite # moved', 'stage: offer # moved')
        .replace('last_contact: 2026-11-02', 'last_contact: 2026-11-20'),
    });
  });

  it('adds a missing key as the last line of the front matter, and quotes values YAML would misread', () => {
    const without = text.replace('last_contact: 2026-11-02\n', '');
    const result = editFrontMatter(without, { last_contact: '2026-11-20', timezone: 'yes' });
    expect(result.ok && result.text).toBe(
      without
        .replace('timezone: Europe/Lisbon', 'timezone: "yes"')
        .replace(
          '  own-ledger: Ran the billing ledger at her current company for two years, including on-call.\n',
          (line) => `${line}last_contact: 2026-11-20\n`,
        ),
    );
  });

  it('keeps Windows line endings and a byte-order mark, and replaces a quoted value', () => {
    const windows = `\uFEFF${text.replace('stage: onsite # moved by handoff advance', 'stage: "onsite"').replace(/\n/g, '\r\n')}`;
    const result = editFrontMatter(windows, { stage: 'offer', last_contact: '2026-11-20' });
    expect(result.ok && result.text).toBe(
      windows
        .replace('stage: "onsite"', 'stage: offer')
        .replace('last_contact: 2026-11-02', 'last_contact: 2026-11-20'),
    );
  });

  it('refuses front matter that is not valid YAML', () => {
    expect(
      editFrontMatter(text.replace('role: backend-engineer', 'role: [backend'), { stage: 'offer' }),
    ).toEqual({
      ok: false,
      problem: 'the front matter is not valid YAML; fix it first ("handoff lint" shows where)',
    });
    expect(editFrontMatter('no front matter\n', { stage: 'offer' }).ok).toBe(false);
  });
});

describe('CODEOWNERS', () => {
  it('owns roles by their hiring manager and candidate folders by recruiter and hiring manager, by GitHub handle', () => {
    const parsed = parseConfig(config.replace('github: alexkim', 'github: "@acme/recruiting"'));
    const documents = [
      { path: 'roles/backend-engineer.md', text: role() },
      { path: 'candidates/ana-lima/profile.md', text: profile('ana-lima', 'Ana Lima', 'onsite') },
      {
        path: 'candidates/li-wei/profile.md',
        text: profile('li-wei', 'Li Wei', 'onsite').replace(
          'hiring_manager: sam.lee',
          'hiring_manager: pat.quinn',
        ),
      },
      {
        path: 'candidates/zoe/profile.md',
        text: profile('zoe', 'Zoe', 'onsite')
          .replace(/recruiter: .*\n/, '')
          .replace('hiring_manager: sam.lee', 'hiring_manager: nobody'),
      },
    ].map((file) => loadDocument(file) as Loaded<unknown>);
    const owners = buildCodeowners(buildWorkspace(parsed.config!, documents), 'hiring/');
    expect(owners.withoutHandle).toEqual(['nobody', 'pat.quinn']);
    expect(
      owners.text.split('\n').filter((line) => !line.startsWith('# ') || line.startsWith('# /')),
    ).toEqual([
      '#',
      '',
      '/hiring/roles/backend-engineer.md @samlee',
      '',
      '/hiring/candidates/ana-lima/ @acme/recruiting @samlee',
      '/hiring/candidates/li-wei/ @acme/recruiting',
      '# /hiring/candidates/zoe/ has no owner with a GitHub handle (nobody)',
      '',
    ]);
  });
});

describe('formatting', () => {
  const base: HandoffEvent = {
    candidate: 'ana-lima',
    type: 'stage-changed',
    date: '2026-11-04',
    from: 'sourced',
    to: 'recruiter-screen',
    override: 'HM waived',
    source: 'trailer',
    author: 'Alex Kim',
    commit: A,
    time: '2026-11-05T12:00:00+00:00',
    signed: true,
    signature: 'G',
  };

  it('describes events for people', () => {
    expect(describeEvent(base)).toBe(
      'stage sourced → recruiter-screen (gate overridden: HM waived, recorded 2026-11-05)',
    );
    expect(
      describeEvent({
        ...base,
        type: 'status-changed',
        from: 'active',
        to: 'hired',
        override: undefined,
        source: 'front-matter',
        date: '2026-11-05',
      }),
    ).toBe('status active → hired (edited by hand)');
    expect(
      describeEvent({ ...base, type: 'scorecard-added', interview: 'hm-screen', interviewer: 'sam.lee' }),
    ).toBe('scorecard added: hm-screen by sam.lee');
    expect(
      describeEvent({ ...base, type: 'malformed-trailer', message: 'Handoff-Candidate is missing' }),
    ).toBe('malformed trailer: Handoff-Candidate is missing');
  });

  it('prints NDJSON with keys in a fixed order and no empty fields', () => {
    const line = formatEventsNdjson([{ ...base, stage: undefined }]);
    expect(line).toBe(
      `{"candidate":"ana-lima","type":"stage-changed","date":"2026-11-04","from":"sourced","to":"recruiter-screen","override":"HM waived","source":"trailer","author":"Alex Kim","commit":"${A}","time":"2026-11-05T12:00:00+00:00","signed":true,"signature":"G"}\n`,
    );
  });

  it('says when the config changed, roles were added, removed or reworded, and caps long lists', () => {
    const affects = Array.from({ length: 23 }, (_, index) => `c-${index}`);
    const markdown = renderReviewMarkdown({
      base: { ref: 'origin/main', commit: A },
      head: { ref: 'HEAD', commit: B },
      configChanged: true,
      candidatesAdded: [],
      moves: [],
      documents: [],
      roles: [
        { id: 'designer', title: 'Product Designer', change: 'added', parts: [], affects: [] },
        { id: 'old-role', title: undefined, change: 'removed', parts: [], affects: [] },
        { id: 'sre', title: 'SRE', change: 'changed', parts: [], affects: [] },
        {
          id: 'backend',
          title: 'Backend',
          change: 'changed',
          parts: ['rubric', 'compensation', 'loop'],
          affects,
        },
      ],
      findings: [],
      checklist: [],
    });
    expect(markdown).toContain(
      `\`origin/main\` (${A.slice(0, 7)}) → \`HEAD\` (${B.slice(0, 7)}): 4 roles changed.`,
    );
    expect(markdown).toContain(
      '`handoff.config.yaml` changed: check the stages, people and access rules it sets.',
    );
    expect(markdown).toContain(
      '- **designer** (Product Designer): added\n- **old-role**: removed\n- **sre** (SRE): changed (wording only)\n',
    );
    expect(markdown).toContain(
      `- **backend** (Backend): rubric, compensation and loop changed; affects 23 active candidates: ${affects.slice(0, 20).join(', ')} and 3 more`,
    );
  });

  it('escapes document text in the review Markdown', () => {
    const summary: ReviewSummary = {
      base: { ref: 'main', commit: A },
      head: { ref: 'HEAD', commit: B },
      configChanged: false,
      candidatesAdded: [
        {
          id: 'x',
          name: '<img src=x> *Ana* | [link](http://e)',
          role: 'r',
          stage: 's',
          status: 'active',
          gate: undefined,
        },
      ],
      moves: [],
      documents: [{ id: 'x', documents: [{ path: 'profile.md', change: 'added' }] }],
      roles: [],
      findings: [],
      checklist: [],
    };
    expect(renderReviewMarkdown(summary)).toContain(
      '- **x** (\\<img src=x\\> \\*Ana\\* \\| \\[link\\](http://e)): r, at s',
    );
  });
});
