import type { Audience } from '../../../schemas/common.js';
import type { MetricsReport } from './metrics.js';
import type { ActionItem, BoardCandidate, StatusReport } from './status.js';

/**
 * The dashboard: one self-contained HTML page (inline CSS and SVG, no script, no request) with the
 * board, what needs action, and the charts, each chart followed by a table of its figures for screen
 * readers. It shows names, stages, dates and owners only; free text (next-step actions, notes) never
 * appears, and any field the audience may not see is left out as well.
 */
export interface DashboardInput {
  status: StatusReport;
  metrics: MetricsReport;
  audience: Audience;
  /** True for a field (dotted path, like `next_step.due`) this audience may not see. */
  isHidden(path: string): boolean;
  /** The page's Content-Security-Policy (shared with the packets). */
  contentSecurityPolicy: string;
  /** Stage ids to names, in pipeline order. */
  stages: { id: string; name: string }[];
}

export function buildDashboard(input: DashboardInput): string {
  const { status, metrics, isHidden } = input;
  const stageName = new Map(input.stages.map((stage) => [stage.id, stage.name]));
  const nameOf = (stage: string) => stageName.get(stage) ?? stage;
  const show = {
    name: !isHidden('name'),
    stage: !isHidden('stage'),
    owner: !isHidden('next_step.owner'),
    due: !isHidden('next_step.due'),
    entered: !isHidden('stage'),
    channel: !isHidden('source.channel'),
    score: !isHidden('score'),
  };
  const candidateLabel = (candidate: { id: string; name: string }) =>
    show.name ? candidate.name : candidate.id;
  const title = `${status.organization}: hiring dashboard, ${status.now}`;

  const sections = [
    `<header>
<h1>${esc(status.organization)} hiring dashboard</h1>
<p class="meta">On ${esc(status.now)} · for the ${esc(input.audience)} audience · stage dates from ${esc(sourceText(status.dates_from))}</p>
<p class="warning" role="note"><strong>Personal data.</strong> This page names candidates. Keep it within the hiring team; do not publish it or share it outside the team.</p>
${status.notices.length > 0 ? `<ul class="notices">${status.notices.map((notice) => `<li>${esc(notice)}</li>`).join('')}</ul>` : ''}
</header>`,
    headline(metrics),
    actionsSection(status.actions, candidateLabel, nameOf, show),
    boardSection(status, candidateLabel, show),
    funnelSection(metrics, nameOf),
    timeInStageSection(metrics, nameOf),
    show.score ? experienceSection(metrics) : '',
    show.channel ? channelSection(metrics) : '',
    `<footer><p>Made by handoff. The definitions of every figure are in docs/metrics.md. Cohort: ${esc(cohortText(metrics))}.</p></footer>`,
  ];

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${esc(input.contentSecurityPolicy)}">
<meta name="referrer" content="no-referrer">
<meta name="robots" content="noindex, nofollow">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${sections.filter((section) => section !== '').join('\n')}
</main>
</body>
</html>
`;
}

type Show = Record<'name' | 'stage' | 'owner' | 'due' | 'entered' | 'channel' | 'score', boolean>;

function headline(metrics: MetricsReport): string {
  const all = metrics.time_to_decision.find((row) => row.role === 'all');
  const tiles: [string, string, string][] = [
    ['Candidates in the cohort', String(metrics.cohort.candidates), cohortText(metrics)],
    [
      'Time to decision',
      days(all?.median_days ?? null),
      `median from application to outcome; 75th percentile ${days(all?.p75_days ?? null)}`,
    ],
    [
      'Scorecards on time',
      percent(metrics.scorecard_timeliness.share_on_time),
      `within ${metrics.scorecard_timeliness.due_hours} hours; ${metrics.scorecard_timeliness.scorecards} measured`,
    ],
    [
      'Update cadence',
      percent(metrics.update_cadence.share),
      `of active candidate-days within ${metrics.update_cadence.update_days} days of a contact`,
    ],
  ];
  return `<section aria-labelledby="headline"><h2 id="headline">At a glance</h2>
<dl class="tiles">${tiles.map(([label, value, note]) => `<div><dt>${esc(label)}</dt><dd><span class="value">${esc(value)}</span><span class="note">${esc(note)}</span></dd></div>`).join('')}</dl>
</section>`;
}

const actionLabels: Record<ActionItem['kind'], string> = {
  'scorecard-overdue': 'Scorecard past due',
  'decision-overdue': 'Decision past due',
  limbo: 'No update (limbo)',
  stalled: 'Stalled in stage',
  'gate-missing': 'Gate prerequisite missing',
};

function actionsSection(
  actions: ActionItem[],
  label: (candidate: { id: string; name: string }) => string,
  nameOf: (stage: string) => string,
  show: Show,
): string {
  if (actions.length === 0) {
    return '<section aria-labelledby="actions"><h2 id="actions">Needs action</h2><p>Nothing is overdue.</p></section>';
  }
  const rows = actions.map(
    (action) =>
      `<tr><td>${esc(actionLabels[action.kind])}</td><td>${esc(label({ id: action.candidate, name: action.name }))}</td>` +
      `<td>${show.stage ? esc(nameOf(action.stage)) : ''}</td><td>${esc(action.about ?? '')}</td>` +
      `<td>${esc(action.owner ?? '')}</td><td>${action.due ? esc(action.due) : ''}</td>` +
      `<td class="num">${action.kind === 'gate-missing' ? '' : esc(String(action.days_overdue))}</td></tr>`,
  );
  return `<section aria-labelledby="actions"><h2 id="actions">Needs action <span class="count">${actions.length}</span></h2>
<p class="hint">Most urgent first. "Due" is when it should have happened; for a gate, the day the candidate entered the stage.</p>
<table class="wide"><thead><tr><th scope="col">What</th><th scope="col">Candidate</th><th scope="col">Stage</th><th scope="col">About</th><th scope="col">Owner</th><th scope="col">Due</th><th scope="col" class="num">Days late</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table></section>`;
}

function boardSection(
  status: StatusReport,
  label: (candidate: { id: string; name: string }) => string,
  show: Show,
): string {
  const roles = status.board.map((role) => {
    const heading = `${role.title ?? role.role}${role.status !== 'open' ? ` (${role.status ?? 'role file not found'})` : ''}`;
    const people = [
      role.hiring_manager && `hiring manager ${role.hiring_manager}`,
      role.recruiter && `recruiter ${role.recruiter}`,
    ]
      .filter(Boolean)
      .join(' · ');
    if (role.stages.length === 0) {
      return `<h3>${esc(heading)}</h3><p class="meta">${esc(people)}</p><p>No candidates in process.</p>`;
    }
    const rows = role.stages.flatMap((stage) =>
      stage.candidates.map(
        (candidate, index) =>
          `<tr>${index === 0 ? `<th scope="rowgroup" rowspan="${stage.candidates.length}">${show.stage ? esc(stage.name) : ''}</th>` : ''}` +
          `<td>${esc(label(candidate))}${candidate.status === 'on-hold' ? ' <span class="tag">on hold</span>' : ''}</td>` +
          `<td class="num">${show.entered && candidate.days_in_stage !== null ? esc(String(candidate.days_in_stage)) : ''}</td>` +
          `<td>${show.owner ? esc(candidate.owner ?? '') : ''}</td>${dueCell(candidate, show)}</tr>`,
      ),
    );
    return `<h3>${esc(heading)}</h3><p class="meta">${esc(people)}</p>
<table class="wide board"><thead><tr><th scope="col">Stage</th><th scope="col">Candidate</th><th scope="col" class="num">Days in stage</th><th scope="col">Next step owner</th><th scope="col">Due</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table>`;
  });
  const bottleneck = status.bottleneck
    ? `<p class="bottleneck"><strong>Bottleneck:</strong> ${esc(status.bottleneck.name)}: ${status.bottleneck.candidates} active candidate(s), median ${esc(fixed(status.bottleneck.median_days))} days in the stage (longest ${status.bottleneck.longest_days}).</p>`
    : '';
  return `<section aria-labelledby="board"><h2 id="board">Pipeline board</h2>${bottleneck}
${roles.length === 0 ? '<p>No open roles and no candidates in process.</p>' : roles.join('\n')}</section>`;
}

function dueCell(candidate: BoardCandidate, show: Show): string {
  if (!show.due || !candidate.due) return '<td></td>';
  return candidate.overdue
    ? `<td class="overdue">${esc(candidate.due)} (overdue)</td>`
    : `<td>${esc(candidate.due)}</td>`;
}

function funnelSection(metrics: MetricsReport, nameOf: (stage: string) => string): string {
  const rows = metrics.drop_out.map((row) => {
    const conversion = metrics.offer_conversion.find((item) => item.stage === row.stage);
    return {
      stage: row.stage,
      reached: row.reached,
      withdrawn: row.withdrawn,
      share: conversion?.share ?? null,
    };
  });
  const chart = barChart(
    rows.map((row) => ({ label: nameOf(row.stage), value: row.reached, text: String(row.reached) })),
    'Stage funnel: candidates who reached each stage',
  );
  const table = `<table><caption>Candidates who reached each stage</caption><thead><tr><th scope="col">Stage</th><th scope="col" class="num">Reached</th><th scope="col" class="num">Withdrew there</th><th scope="col" class="num">Went on to an offer</th></tr></thead>
<tbody>${rows.map((row) => `<tr><th scope="row">${esc(nameOf(row.stage))}</th><td class="num">${row.reached}</td><td class="num">${row.withdrawn}</td><td class="num">${esc(percent(row.share))}</td></tr>`).join('')}</tbody></table>`;
  return figure('funnel', 'Stage funnel', chart, table);
}

function timeInStageSection(metrics: MetricsReport, nameOf: (stage: string) => string): string {
  const chart = barChart(
    metrics.time_in_stage.map((row) => ({
      label: nameOf(row.stage),
      value: row.median_days ?? 0,
      text: row.median_days === null ? 'no data' : `${fixed(row.median_days)} d`,
    })),
    'Time in stage: median days of finished stays',
  );
  const table = `<table><caption>Median days in each stage (finished stays)</caption><thead><tr><th scope="col">Stage</th><th scope="col" class="num">Median days</th><th scope="col" class="num">Stays</th></tr></thead>
<tbody>${metrics.time_in_stage.map((row) => `<tr><th scope="row">${esc(nameOf(row.stage))}</th><td class="num">${row.median_days === null ? '–' : esc(fixed(row.median_days))}</td><td class="num">${row.stays}</td></tr>`).join('')}</tbody></table>`;
  return figure('time-in-stage', 'Time in stage', chart, table);
}

function experienceSection(metrics: MetricsReport): string {
  const months = metrics.candidate_experience.by_month;
  const chart =
    months.length === 0
      ? '<p class="empty">No survey responses in this cohort.</p>'
      : columnChart(
          months.map((row) => ({
            label: row.month,
            value: row.mean ?? 0,
            text: row.mean === null ? '' : row.mean.toFixed(1),
          })),
          5,
          'Candidate experience: mean survey score (1 to 5) per month',
        );
  const table = `<table><caption>Mean survey score per month</caption><thead><tr><th scope="col">Month</th><th scope="col" class="num">Mean (1-5)</th><th scope="col" class="num">Responses</th></tr></thead>
<tbody>${months.length === 0 ? '<tr><td colspan="3">No responses</td></tr>' : months.map((row) => `<tr><th scope="row">${esc(row.month)}</th><td class="num">${row.mean === null ? '–' : esc(row.mean.toFixed(2))}</td><td class="num">${row.responses}</td></tr>`).join('')}</tbody></table>`;
  return figure('experience', 'Candidate experience over time', chart, table);
}

function channelSection(metrics: MetricsReport): string {
  const rows = metrics.source_channel.filter((row) => row.candidates > 0);
  if (rows.length === 0) return '';
  return `<section aria-labelledby="channels"><h2 id="channels">Source channels</h2>
<table><thead><tr><th scope="col">Channel</th><th scope="col" class="num">Candidates</th><th scope="col" class="num">Offers</th><th scope="col" class="num">Hired</th></tr></thead>
<tbody>${rows.map((row) => `<tr><th scope="row">${esc(row.channel)}</th><td class="num">${row.candidates}</td><td class="num">${row.offers}</td><td class="num">${row.hired}</td></tr>`).join('')}</tbody></table></section>`;
}

function figure(id: string, heading: string, chart: string, table: string): string {
  return `<section aria-labelledby="${id}"><h2 id="${id}">${esc(heading)}</h2><div class="figure">${chart}${table}</div></section>`;
}

interface Bar {
  label: string;
  value: number;
  text: string;
}

const CHART_WIDTH = 520;
const LABEL_WIDTH = 170;
const BAR_HEIGHT = 22;
const GAP = 8;

/** Horizontal bars, one per row; the figures are repeated in the table beside it. */
function barChart(bars: Bar[], description: string): string {
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  const room = CHART_WIDTH - LABEL_WIDTH - 60;
  const height = bars.length * (BAR_HEIGHT + GAP) + GAP;
  const items = bars.map((bar, index) => {
    const y = GAP + index * (BAR_HEIGHT + GAP);
    const width = Math.round((bar.value / max) * room);
    return (
      `<text x="${LABEL_WIDTH - 8}" y="${y + BAR_HEIGHT / 2}" class="label" text-anchor="end" dominant-baseline="middle">${esc(truncate(bar.label, 24))}</text>` +
      `<rect x="${LABEL_WIDTH}" y="${y}" width="${width}" height="${BAR_HEIGHT}" class="bar" rx="2"/>` +
      `<text x="${LABEL_WIDTH + width + 6}" y="${y + BAR_HEIGHT / 2}" class="value" dominant-baseline="middle">${esc(bar.text)}</text>`
    );
  });
  return `<svg class="chart" viewBox="0 0 ${CHART_WIDTH} ${height}" width="${CHART_WIDTH}" height="${height}" role="img" aria-label="${esc(`${description}. The figures are in the table beside it.`)}" xmlns="http://www.w3.org/2000/svg">${items.join('')}</svg>`;
}

/** Vertical columns on a fixed scale (survey scores run from 0 to `top`). */
function columnChart(columns: Bar[], top: number, description: string): string {
  const plotHeight = 160;
  const columnWidth = 40;
  const gap = 26;
  const left = 28;
  const width = Math.max(CHART_WIDTH, left + columns.length * (columnWidth + gap) + gap);
  const height = plotHeight + 48;
  const grid = Array.from({ length: top + 1 }, (_, score) => {
    const y = 10 + plotHeight - (score / top) * plotHeight;
    return `<line x1="${left}" x2="${width - 4}" y1="${y}" y2="${y}" class="grid"/><text x="${left - 6}" y="${y}" class="axis" text-anchor="end" dominant-baseline="middle">${score}</text>`;
  });
  const items = columns.map((column, index) => {
    const x = left + gap + index * (columnWidth + gap);
    const barHeight = Math.round((column.value / top) * plotHeight);
    const y = 10 + plotHeight - barHeight;
    return (
      `<rect x="${x}" y="${y}" width="${columnWidth}" height="${barHeight}" class="bar" rx="2"/>` +
      `<text x="${x + columnWidth / 2}" y="${y - 4}" class="value" text-anchor="middle">${esc(column.text)}</text>` +
      `<text x="${x + columnWidth / 2}" y="${plotHeight + 28}" class="axis" text-anchor="middle">${esc(column.label)}</text>`
    );
  });
  return `<svg class="chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${esc(`${description}. The figures are in the table beside it.`)}" xmlns="http://www.w3.org/2000/svg">${grid.join('')}${items.join('')}</svg>`;
}

function cohortText(metrics: MetricsReport): string {
  const { since, until, role } = metrics.cohort;
  const window = since || until ? `applied ${since ?? 'any time'} to ${until ?? 'now'}` : 'every application';
  return role ? `${window}, role ${role}` : window;
}

function sourceText(datesFrom: StatusReport['dates_from']): string {
  return {
    history: 'the Git history',
    documents: 'the documents alone',
    mixed: 'the Git history and the documents',
  }[datesFrom];
}

const days = (value: number | null) => (value === null ? '–' : `${fixed(value)} days`);
const fixed = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(1));
const percent = (value: number | null) => (value === null ? '–' : `${Math.round(value * 100)}%`);
const truncate = (text: string, length: number) =>
  text.length <= length ? text : `${text.slice(0, length - 1)}…`;

/** Escapes text for HTML element content and double-quoted attribute values (the only kind written here). */
export function esc(text: string): string {
  return text.replace(/[&<>"]/g, (character) => `&#${character.charCodeAt(0)};`);
}

const STYLE = `
:root { color-scheme: light; --ink: #1d2330; --muted: #5b6475; --rule: #d9dde5; --accent: #2f5ea8; --warn: #9a3412; --note: #fff8e1; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #fff; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 72rem; margin: 0 auto; padding: 2rem 1.5rem 3rem; }
h1 { font-size: 1.6rem; margin: 0 0 0.25rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 0.75rem; padding-bottom: 0.3rem; border-bottom: 1px solid var(--rule); }
h3 { font-size: 1.02rem; margin: 1.25rem 0 0.1rem; }
.meta, .hint, footer { color: var(--muted); margin: 0 0 0.5rem; }
.warning { background: var(--note); border-left: 4px solid #e0b400; padding: 0.5rem 0.75rem; margin: 0.75rem 0; }
.notices { color: var(--muted); font-size: 0.9rem; padding-left: 1.2rem; }
.count { display: inline-block; min-width: 1.6rem; padding: 0 0.45rem; border-radius: 1rem; background: var(--warn); color: #fff; font-size: 0.85rem; text-align: center; }
.tiles { display: grid; grid-template-columns: repeat(auto-fit, minmax(13rem, 1fr)); gap: 0.75rem; margin: 0; }
.tiles div { border: 1px solid var(--rule); border-radius: 6px; padding: 0.6rem 0.8rem; }
.tiles dt { color: var(--muted); font-size: 0.85rem; }
.tiles dd { margin: 0; }
.tiles .value { display: block; font-size: 1.5rem; font-weight: 600; }
.tiles .note { display: block; color: var(--muted); font-size: 0.8rem; }
table { border-collapse: collapse; margin: 0 0 0.75rem; font-size: 0.92rem; }
table.wide { width: 100%; }
caption { text-align: left; color: var(--muted); font-size: 0.85rem; padding-bottom: 0.25rem; }
th, td { border-bottom: 1px solid var(--rule); padding: 0.3rem 0.55rem; text-align: left; vertical-align: top; }
thead th { border-bottom: 2px solid var(--rule); font-weight: 600; }
.board th[scope="rowgroup"] { font-weight: 600; white-space: nowrap; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
.overdue { color: var(--warn); font-weight: 600; }
.tag { font-size: 0.75rem; padding: 0 0.35rem; border: 1px solid var(--rule); border-radius: 3px; color: var(--muted); }
.bottleneck { margin: 0 0 0.5rem; }
.figure { display: grid; grid-template-columns: minmax(0, 33rem) minmax(0, 1fr); gap: 1.5rem; align-items: start; }
@media (max-width: 56rem) { .figure { grid-template-columns: minmax(0, 1fr); } }
.chart { width: 100%; max-width: 33rem; height: auto; }
.chart .bar { fill: var(--accent); }
.chart .label, .chart .axis { fill: var(--muted); font-size: 12px; }
.chart .value { fill: var(--ink); font-size: 12px; }
.chart .grid { stroke: var(--rule); stroke-width: 1; }
.empty { color: var(--muted); }
footer { margin-top: 2.5rem; font-size: 0.85rem; }
@media print {
  @page { margin: 14mm 12mm; }
  body { font-size: 10pt; }
  main { max-width: none; padding: 0; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  tr, .figure, .tiles div { break-inside: avoid; page-break-inside: avoid; }
  .warning { background: none; }
  .count { background: none; color: inherit; border: 1px solid; }
}
`;
