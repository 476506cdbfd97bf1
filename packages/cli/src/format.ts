// Text shapes of dfs listings, close to `hdfs dfs` output.
import type { FileStatus__Output, FsckReport__Output } from '@tsmr/common';
import { formatSize } from '@tsmr/common';

function formatTime(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** One `ls` line: type, replication, owner, size, modification time, path. */
export function formatListing(entries: FileStatus__Output[], human = false): string {
  const rows = entries.map((e) => {
    const dir = e.type === 'DIRECTORY';
    return [dir ? 'd' : '-', dir ? '-' : String(e.replication), e.owner || '-', human ? formatSize(e.length) : String(e.length), formatTime(e.modificationTime), e.path];
  });
  const widths = [1, 0, 0, 0].map((_, i) => Math.max(...rows.map((r) => r[i + 1]!.length), 1));
  return rows
    .map((r) => `${r[0]} ${r[1]!.padStart(widths[0]!)} ${r[2]!.padEnd(widths[1]!)} ${r[3]!.padStart(widths[2]!)} ${r[4]} ${r[5]}`)
    .join('\n');
}

export function formatStat(s: FileStatus__Output): string {
  return [
    `path: ${s.path}`,
    `type: ${s.type === 'DIRECTORY' ? 'directory' : 'file'}`,
    ...(s.type === 'FILE'
      ? [`length: ${s.length}`, `replication: ${s.replication}`, `block size: ${s.blockSize}`, `blocks: ${s.blockCount}`]
      : []),
    `owner: ${s.owner}`,
    `modified: ${new Date(s.modificationTime).toISOString()}`,
    `accessed: ${new Date(s.accessTime).toISOString()}`,
  ].join('\n');
}

export function formatFsck(report: FsckReport__Output): string {
  const lines: string[] = [];
  for (const file of report.files) {
    lines.push(`${file.path} ${file.length} bytes, replication ${file.replication}, ${file.blocks.length} block(s)`);
    file.blocks.forEach((b, i) => {
      const replicas = b.replicas.map((r) => `${r.datanode?.address}(${r.datanode?.datanodeId.slice(0, 8)}) ${r.state}`).join(', ');
      lines.push(`  ${i}. ${b.blockId} len=${b.length} live=${b.liveReplicas}/${b.expectedReplicas} ${b.health} [${replicas}]`);
    });
  }
  lines.push(
    '',
    `Status: ${report.healthy ? 'HEALTHY' : report.missingBlocks > 0 ? 'CORRUPT' : 'UNHEALTHY'}`,
    ` Total files:             ${report.files.length}`,
    ` Total blocks:            ${report.totalBlocks}`,
    ` Healthy blocks:          ${report.healthyBlocks}`,
    ` Under-replicated blocks: ${report.underReplicatedBlocks}`,
    ` Over-replicated blocks:  ${report.overReplicatedBlocks}`,
    ` Missing blocks:          ${report.missingBlocks}`,
    ` Corrupt replicas:        ${report.corruptReplicas}`,
    ` Live datanodes:          ${report.liveDatanodes}`,
    ` Dead datanodes:          ${report.deadDatanodes}`,
  );
  return lines.join('\n');
}
