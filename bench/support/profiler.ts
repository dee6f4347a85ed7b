// A CPU profile of a bench server's measured load only (not its start-up): the bench sends
// `{ profile: 'start', label }` and `{ profile: 'stop' }` over IPC and waits for the same answer back; the
// profile is written to BENCH_PROFILE_DIR as `<label>.cpuprofile` (Chrome DevTools, speedscope).
import { Session } from 'node:inspector/promises';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';

interface ProfileMessage {
  profile: 'start' | 'stop';
  label?: string;
}

const isProfileMessage = (message: unknown): message is ProfileMessage =>
  typeof message === 'object' && message !== null && 'profile' in message;

/** In the server: answers the bench's profile requests (only when BENCH_PROFILE_DIR is set). */
export function answerProfileRequests(): void {
  const dir = process.env.BENCH_PROFILE_DIR;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  const session = new Session();
  session.connect();
  let label = 'server';
  process.on('message', (message: unknown) => {
    if (!isProfileMessage(message)) return;
    if (message.profile === 'start') {
      label = message.label ?? label;
      void session
        .post('Profiler.enable')
        .then(() => session.post('Profiler.start'))
        .then(() => process.send?.({ profile: 'start' }));
    } else
      void session.post('Profiler.stop').then(({ profile }) => {
        writeFileSync(join(dir, `${label}.cpuprofile`), JSON.stringify(profile));
        process.send?.({ profile: 'stop' });
      });
  });
}

/** In the bench: asks the server to start or stop profiling and waits until it has. */
export function askProfile(child: ChildProcess, profile: 'start' | 'stop', label?: string): Promise<void> {
  return new Promise((resolve) => {
    const listener = (reply: unknown) => {
      if (!isProfileMessage(reply) || reply.profile !== profile) return;
      child.off('message', listener);
      resolve();
    };
    child.on('message', listener);
    child.send({ profile, label });
  });
}
