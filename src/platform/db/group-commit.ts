/**
 * Group commit: concurrent callers' items are written by one transaction per batch instead of one transaction
 * each (ADR 0017, "Submissions committed together"). A batch starts as soon as a slot is free, so a lone caller
 * waits for nothing; while `inFlight` batches are being written, new items queue and go together in the next one.
 * Each item's answer is its own: when a batch fails, its items are written again one at a time, so one bad item
 * (or a deadlock between two batches) fails no other caller and nothing is written twice (the batch rolled back).
 */
export interface GroupCommit<T, R> {
  add(item: T): Promise<R>;
}

export interface GroupCommitOptions {
  /** The most items one transaction writes. */
  readonly maxBatch: number;
  /** How many batches may be written at once (on different connections). */
  readonly inFlight: number;
}

interface Waiting<T, R> {
  readonly item: T;
  resolve(result: R): void;
  reject(error: unknown): void;
}

export function groupCommit<T, R>(
  /** Writes the items in one transaction; answers in their order, one answer each. */
  write: (items: readonly T[]) => Promise<readonly R[]>,
  options: GroupCommitOptions,
): GroupCommit<T, R> {
  const queue: Waiting<T, R>[] = [];
  let writing = 0;

  async function writeAll(batch: readonly Waiting<T, R>[]): Promise<void> {
    const results = await write(batch.map((waiting) => waiting.item));
    if (results.length !== batch.length)
      throw new Error(`a batch of ${batch.length} answered ${results.length} times`);
    batch.forEach((waiting, index) => waiting.resolve(results[index] as R));
  }

  async function settle(batch: readonly Waiting<T, R>[]): Promise<void> {
    try {
      await writeAll(batch);
    } catch (error) {
      if (batch.length === 1) return batch[0]?.reject(error);
      for (const waiting of batch) await writeAll([waiting]).catch((alone: unknown) => waiting.reject(alone));
    }
  }

  function pump(): void {
    while (writing < options.inFlight && queue.length > 0) {
      const batch = queue.splice(0, options.maxBatch);
      writing += 1;
      void settle(batch).finally(() => {
        writing -= 1;
        pump();
      });
    }
  }

  return {
    add: (item) =>
      new Promise<R>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        pump();
      }),
  };
}
