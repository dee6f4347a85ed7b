// The benchmarks' servers run as child processes in their own process group; these wait for one to say it is
// listening and stop it (the whole group, so a cluster's workers go too).
import type { ChildProcess } from 'node:child_process';

/** Resolves when the child sends its first message (it is listening); rejects if it exits or takes too long. */
export function serverReady(child: ChildProcess, seconds: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in ${seconds} s`)), seconds * 1000);
    child.once('message', () => (clearTimeout(timer), resolve()));
    child.once('exit', (code) => (clearTimeout(timer), reject(new Error(`server exited with ${code}`))));
  });
}

/** SIGTERM to the child's process group, SIGKILL after 5 s if it has not exited. */
export async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  process.kill(-child.pid, 'SIGTERM');
  const timer = setTimeout(() => child.pid && process.kill(-child.pid, 'SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}
