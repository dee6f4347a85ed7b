// `POST /api/v1/evaluate` for a couple at 8 connections, against a bare Fastify server answering the same bytes
// to the same JSON body, in one run.
//   npm run bench:evaluate -- [--seconds 5] [--warmup 1] [--connections 8] [--port 3407] [--rounds 1]
//                             [--processes 1,2] [--trace] [--gzip] [--cpu-prof DIR]
// Each server runs as a child process; the load generator (autocannon) runs in this process. Prints req/s,
// p50/p95/p99, the ratio to the baseline, and the server's CPU per request (from /proc: on a shared host the
// steadier figure). Rounds alternate baseline and Guichet so the host's load falls on both.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { cpuBetween, groupCpu } from './support/process-cpu.ts';
import { askProfile } from './support/profiler.ts';
import { COUPLE, EVALUATION_DATE } from './support/evaluate-household.ts';
import { serverReady, stopServer } from './support/child-server.ts';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '5' },
    warmup: { type: 'string', default: '1' },
    connections: { type: 'string', default: '8' },
    port: { type: 'string', default: '3407' },
    rounds: { type: 'string', default: '1' },
    processes: { type: 'string', default: '1' },
    trace: { type: 'boolean', default: false },
    gzip: { type: 'boolean', default: false },
    'cpu-prof': { type: 'string' },
  },
});
const port = Number(values.port);
const body = JSON.stringify({
  household: COUPLE,
  date: EVALUATION_DATE,
  ...(values.trace ? { trace: true } : {}),
});

async function startServer(mode: 'guichet' | 'baseline', processes: number): Promise<ChildProcess> {
  const cpuProf = values['cpu-prof'];
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', new URL('./support/evaluate-server.ts', import.meta.url).pathname],
    {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      detached: true,
      env: {
        ...process.env,
        BENCH_MODE: mode,
        BENCH_PORT: String(port),
        BENCH_PROCESSES: String(processes),
        ...(cpuProf ? { BENCH_PROFILE_DIR: cpuProf } : {}),
      },
    },
  );
  // Each of N processes migrates its own in-memory database: over two minutes on a loaded two-core host.
  await serverReady(child, 300);
  return child;
}

interface Measure {
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  cpuMsPerRequest: number;
}

async function load(duration: number): Promise<autocannon.Result> {
  return autocannon({
    url: `http://127.0.0.1:${port}/api/v1/evaluate`,
    method: 'POST',
    connections: Number(values.connections),
    duration,
    headers: {
      'content-type': 'application/json',
      ...(values.gzip ? { 'accept-encoding': 'gzip' } : {}),
    },
    body,
  });
}

async function measure(mode: 'guichet' | 'baseline', processes: number): Promise<Measure> {
  const server = await startServer(mode, processes);
  try {
    if (Number(values.warmup) > 0) await load(Number(values.warmup));
    const pgrp = server.pid as number;
    const before = groupCpu(pgrp);
    const profiling = values['cpu-prof'] !== undefined && processes === 1;
    if (profiling) await askProfile(server, 'start', `evaluate-${mode}`);
    const result = await load(Number(values.seconds));
    const cpu = cpuBetween(before, groupCpu(pgrp));
    if (profiling) await askProfile(server, 'stop');
    const requests = result.requests.total;
    return {
      rps: requests / Number(values.seconds),
      p50: result.latency.p50,
      p95: result.latency.p97_5,
      p99: result.latency.p99,
      errors: result.errors + result.timeouts + result.non2xx,
      cpuMsPerRequest: cpu / Math.max(1, requests),
    };
  } finally {
    await stopServer(server);
  }
}

const row = (processes: number, name: string, m: Measure, base: number) =>
  `| ${processes} | ${name} | ${Math.round(m.rps)} | ${m.p50.toFixed(1)} | ${m.p95.toFixed(1)} | ${m.p99.toFixed(1)} | ${(m.rps / base).toFixed(2)} | ${m.cpuMsPerRequest.toFixed(3)} | ${m.errors} |`;

const load1 = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');
console.log(`Node ${process.version}, load average ${load1()}, ${new Date().toISOString()}`);
console.log(
  `POST /api/v1/evaluate, a couple, ${values.connections} connections, ${values.seconds} s${values.trace ? ', trace' : ''}${values.gzip ? ', gzip accepted' : ''}`,
);
console.log(
  '| processes | server | req/s | p50 ms | p97.5 ms | p99 ms | ratio | server CPU ms/request | errors |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (let round = 0; round < Number(values.rounds); round++) {
  for (const processes of values.processes.split(',').map(Number)) {
    const base = await measure('baseline', processes);
    console.log(row(processes, 'baseline: bare Fastify, same body, same answer', base, base.rps));
    console.log(row(processes, 'Guichet', await measure('guichet', processes), base.rps));
  }
}
console.log(`load average after: ${load1()}`);
