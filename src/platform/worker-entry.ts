// A worker thread does not inherit a TypeScript loader registered by a test runner or the tsx CLI, so while
// the sources are .ts a worker starts from a two-line bootstrap that registers tsx first.
export function workerEntry(entry: URL): URL {
  if (!entry.pathname.endsWith('.ts')) return entry;
  const bootstrap = `import { register } from ${JSON.stringify(import.meta.resolve('tsx/esm/api'))};
register();
await import(${JSON.stringify(entry.href)});`;
  return new URL(`data:text/javascript,${encodeURIComponent(bootstrap)}`);
}
