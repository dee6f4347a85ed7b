import type { FastifyInstance } from 'fastify';

/** Every method + path Fastify actually serves, read from `printRoutes` (HEAD and static assets left out). */
export function registeredRoutes(app: FastifyInstance): { method: string; path: string }[] {
  const found: { method: string; path: string }[] = [];
  const stack: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = /^([│ ├└─]*?)([└├]── )(.*?) \(([^)]+)\)$/.exec(line);
    if (!match) continue;
    const depth = (match[1] ?? '').length / 4;
    const parent = depth === 0 ? '' : (stack[depth - 1] ?? '');
    const segment = match[3] ?? '';
    const path =
      depth === 0 ? segment : parent === '/' ? `/${segment.replace(/^\//, '')}` : `${parent}${segment}`;
    stack[depth] = path;
    stack.length = depth + 1;
    for (const method of (match[4] ?? '').split(', ')) {
      // Static files (`/assets/*`) are public by nature and served by @fastify/static.
      if (method !== 'HEAD' && !path.includes('*') && !path.startsWith('/assets/'))
        found.push({ method, path });
    }
  }
  return found;
}
