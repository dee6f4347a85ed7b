// CPU time of processes from /proc (Linux), so a benchmark can report CPU per request on a host shared with
// others: wall-clock rates measure the neighbours, CPU per request does not.
import { readFileSync, readdirSync } from 'node:fs';
import pg from 'pg';

const TICK_MS = 10; // getconf CLK_TCK = 100 on Linux

interface Stat {
  pid: number;
  pgrp: number;
  cpuMs: number;
}

function readStat(pid: number): Stat | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command may hold spaces and parentheses: fields start after the last ')'.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return {
      pid,
      pgrp: Number(fields[2]),
      cpuMs: (Number(fields[11]) + Number(fields[12])) * TICK_MS,
    };
  } catch {
    return null; // gone
  }
}

/** CPU ms of every process in a process group (a detached server and its cluster workers), by pid. */
export function groupCpu(pgrp: number): Map<number, number> {
  const found = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readStat(Number(entry));
    if (stat && stat.pgrp === pgrp) found.set(stat.pid, stat.cpuMs);
  }
  return found;
}

/** CPU ms of the PostgreSQL backends serving connections named `applicationName` (PGAPPNAME), by pid. */
export async function backendCpu(url: string, applicationName: string): Promise<Map<number, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>(
      'SELECT pid FROM pg_stat_activity WHERE application_name = $1',
      [applicationName],
    );
    const found = new Map<number, number>();
    for (const { pid } of rows) {
      const stat = readStat(pid);
      if (stat) found.set(pid, stat.cpuMs);
    }
    return found;
  } finally {
    await client.end();
  }
}

/** CPU ms used between two snapshots (a process first seen in the second counts from zero). */
export function cpuBetween(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, ms] of after) total += ms - (before.get(pid) ?? 0);
  return total;
}
