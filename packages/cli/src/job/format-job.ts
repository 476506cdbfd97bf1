// Text shapes of job status, counters and history.
import type { AttemptRecord__Output, DurationSummary__Output, JobHistory__Output, JobStatus__Output } from '@tsmr/common';

const time = (ms: number) => (ms ? new Date(ms).toISOString().replace('T', ' ').slice(0, 23) : '-');
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

export function progressLine(s: JobStatus__Output): string {
  const bar = (done: number, total: number, width = 20) => {
    const filled = total === 0 ? width : Math.round((done / total) * width);
    return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`;
  };
  return `${s.jobId} ${s.state.padEnd(9)} map ${bar(s.mapsDone, s.mapsTotal)} ${s.mapsDone}/${s.mapsTotal}  reduce ${bar(s.reducesDone, s.reducesTotal)} ${s.reducesDone}/${s.reducesTotal}`;
}

export function formatCounters(counters: Record<string, number>): string {
  const names = Object.keys(counters).sort();
  const width = Math.max(0, ...names.map((n) => n.length));
  return names.map((n) => `  ${n.padEnd(width)}  ${counters[n]}`).join('\n');
}

export function formatJobStatus(s: JobStatus__Output): string {
  const lines = [
    `job:       ${s.jobId} (${s.name})`,
    `state:     ${s.state}`,
    `maps:      ${s.mapsDone}/${s.mapsTotal}`,
    `reduces:   ${s.reducesDone}/${s.reducesTotal}`,
    `input:     ${s.spec?.inputs.join(', ')}`,
    `output:    ${s.spec?.output}`,
    `submitted: ${time(s.submittedAt)}`,
    `started:   ${time(s.startedAt)}`,
    `finished:  ${time(s.finishedAt)}`,
  ];
  if (s.finishedAt && s.startedAt) lines.push(`took:      ${seconds(s.finishedAt - s.submittedAt)}`);
  if (s.error?.message) {
    lines.push(`error:     ${s.error.message}` + (s.error.taskId ? ` (task ${s.error.taskId})` : ''));
    if (s.error.stack) lines.push(s.error.stack.split('\n').map((l) => `  ${l}`).join('\n'));
  }
  return lines.join('\n');
}

function summary(name: string, d: DurationSummary__Output | null): string {
  if (!d || d.count === 0) return `${name}: none`;
  return `${name} (${d.count}): min ${seconds(d.minMs)}, median ${seconds(d.medianMs)}, p95 ${seconds(d.p95Ms)}, max ${seconds(d.maxMs)}`;
}

export function formatHistory(h: JobHistory__Output): string {
  const header = ['attempt', 'type', 'state', 'worker', 'local', 'queued', 'started', 'finished', 'waited', 'ran'];
  const rows = h.attempts.map((a: AttemptRecord__Output) => [
    a.attemptId + (a.committed ? ' *' : ''),
    a.type,
    a.state,
    `${a.workerHost || '?'}/${a.workerId}`,
    a.type === 'MAP' ? (a.dataLocal ? 'yes' : 'no') : '-',
    time(a.queuedAt),
    time(a.startedAt),
    time(a.finishedAt),
    a.startedAt ? seconds(a.startedAt - a.queuedAt) : '-',
    a.finishedAt ? seconds(a.finishedAt - a.startedAt) : '-',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  const errors = h.attempts.filter((a) => a.error).map((a) => `  ${a.attemptId}: ${a.error}`);
  return [
    h.job ? progressLine(h.job) : '',
    '',
    line(header),
    ...rows.map(line),
    '(* committed)',
    '',
    summary('queue delay', h.queueDelay),
    summary('run time', h.runTime),
    ...(errors.length ? ['', 'errors:', ...errors] : []),
  ].join('\n');
}
