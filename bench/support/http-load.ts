// A closed-loop HTTP load generator that runs on its own thread, so the clients' work (fetch, parsing)
// does not share the event loop of the server being measured.
//   workerData: { url, cookies: string[], seconds, concurrency, thinkMs }
// Each of `concurrency` users requests `url` with its own session cookie, waits for the whole body, pauses
// a think time drawn evenly from 0.5 to 1.5 × `thinkMs` (users start at random moments within one think time,
// as people do, not in lock step), and repeats until `seconds` have passed. Posts back the sorted latencies
// and the error count.
import { parentPort, workerData } from 'node:worker_threads';

interface LoadOptions {
  url: string;
  cookies: string[];
  seconds: number;
  concurrency: number;
  thinkMs: number;
}

const options = workerData as LoadOptions;
const latencies: number[] = [];
let errors = 0;
const end = Date.now() + options.seconds * 1000;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function user(index: number): Promise<void> {
  const cookie = options.cookies[index % options.cookies.length] ?? '';
  if (options.thinkMs > 0) await pause(Math.random() * options.thinkMs);
  while (Date.now() < end) {
    const started = performance.now();
    const response = await fetch(options.url, { headers: { cookie }, redirect: 'manual' });
    await response.text();
    latencies.push(performance.now() - started);
    if (response.status !== 200) errors++;
    if (options.thinkMs > 0) await pause(options.thinkMs * (0.5 + Math.random()));
  }
}

await Promise.all(Array.from({ length: options.concurrency }, (_, i) => user(i)));
latencies.sort((a, b) => a - b);
parentPort?.postMessage({ latencies, errors });
