/**
 * A one-line progress bar on stderr, redrawn in place on a terminal; elsewhere (logs, CI) a line every
 * tenth of the way, so a long run is visible without flooding the output.
 */
export interface ProgressBar {
  update(done: number, total: number, label: string): void;
  stop(): void;
}

const WIDTH = 30;

export function createProgressBar(stream: NodeJS.WriteStream = process.stderr): ProgressBar {
  let lastTenth = -1;
  let drawn = false;
  return {
    update(done, total, label) {
      const ratio = total === 0 ? 1 : Math.min(1, done / total);
      if (stream.isTTY) {
        const filled = Math.round(ratio * WIDTH);
        const bar = `${'█'.repeat(filled)}${'░'.repeat(WIDTH - filled)}`;
        stream.write(`\r${bar} ${Math.floor(ratio * 100)}% ${done}/${total} ${label}\x1b[K`);
        drawn = true;
        return;
      }
      const tenth = Math.floor(ratio * 10);
      if (tenth === lastTenth) return;
      lastTenth = tenth;
      stream.write(`${tenth * 10}% ${done}/${total} ${label}\n`);
    },
    stop() {
      if (drawn) stream.write('\n');
    },
  };
}
