import type { RunSummary } from './run-parts.ts';
import { percentDone } from './run-parts.ts';

/**
 * The command line's progress bar: redrawn in place on a terminal, a line every tenth otherwise (a log
 * file should not get a line per batch).
 */
export function progressBar(out: {
  write(text: string): unknown;
  isTTY?: boolean;
}): (run: RunSummary) => void {
  let lastTenth = -1;
  return (run) => {
    const percent = percentDone(run);
    const line = `${bar(percent)} ${String(percent).padStart(3)}%  ${run.enrolmentsDone}/${run.enrolmentsTotal} enrolments, ${run.paymentCount} payments`;
    if (out.isTTY === true) {
      out.write(`\r${line}${run.status === 'preparing' ? '' : '\n'}`);
      return;
    }
    const tenth = Math.floor(percent / 10);
    if (tenth === lastTenth && run.status === 'preparing') return;
    lastTenth = tenth;
    out.write(`${line}\n`);
  };
}

function bar(percent: number): string {
  const filled = Math.round(percent / 5);
  return `[${'#'.repeat(filled)}${'.'.repeat(20 - filled)}]`;
}
