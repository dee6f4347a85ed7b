import { parentPort, workerData } from 'node:worker_threads';
import { createFieldCipher } from './field-cipher.ts';
import { createLookupHasher } from './lookup-hash.ts';
import type { CryptoJob, CryptoJobResult, CryptoWorkerData } from './field-crypto.ts';

// Runs bulk field encryption and hashing off the main thread; the keys arrive once, in workerData.
const { keys, lookupHashKey } = workerData as CryptoWorkerData;
const cipher = createFieldCipher(keys.map(({ id, key }) => ({ id, key: Buffer.from(key) })));
const hasher = createLookupHasher(Buffer.from(lookupHashKey));

parentPort?.on('message', (job: CryptoJob) => {
  const work = { encrypt: cipher.encrypt, decrypt: cipher.decrypt, hash: hasher.hash }[job.op];
  const results = job.values.map(work);
  parentPort?.postMessage({ id: job.id, results } satisfies CryptoJobResult);
});
