import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

const require = createRequire(import.meta.url);
const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));

/**
 * Serves our stylesheet and the GC Design System's tokens, shortcuts and fonts from node_modules, so
 * the service works offline and never loads anything from a CDN.
 */
export async function registerAssets(app: FastifyInstance): Promise<void> {
  const fontsDir = join(packageDir('@gcds-core/fonts'), 'fonts');
  const assets = [
    { root: new URL('../../../public/assets/', import.meta.url).pathname, prefix: '/assets/' },
    { root: join(packageDir('@gcds-core/tokens'), 'build/web/css'), prefix: '/assets/gcds/tokens/' },
    { root: join(packageDir('@gcds-core/css-shortcuts'), 'dist'), prefix: '/assets/gcds/shortcuts/' },
    { root: fontsDir, prefix: '/assets/gcds/fonts/' },
  ];
  for (const [index, { root, prefix }] of assets.entries()) {
    await app.register(fastifyStatic, {
      root,
      prefix,
      decorateReply: index === 0,
      index: false,
      maxAge: '1d',
    });
  }
  const fontsCss = ['lato/gcds-lato.css', 'noto-sans/gcds-noto-sans.css']
    .map((file) =>
      readFileSync(join(fontsDir, file), 'utf8')
        .replaceAll('path/to/file/', `/assets/gcds/fonts/${dirname(file)}/`)
        // Show text in a fallback font at once rather than hiding it while the web font loads.
        .replaceAll('@font-face {', '@font-face {\n  font-display: swap;'),
    )
    .join('\n');
  const tokensCss = readFileSync(join(packageDir('@gcds-core/tokens'), 'build/web/css/tokens.css'), 'utf8');
  const shortcutsCss = selfHosted(
    readFileSync(join(packageDir('@gcds-core/css-shortcuts'), 'dist/gcds-css-shortcuts.min.css'), 'utf8'),
  );
  const css =
    (body: string) =>
    (
      _request: unknown,
      reply: { type(t: string): { header(k: string, v: string): { send(b: string): unknown } } },
    ) =>
      reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=86400').send(body);
  app.get('/assets/gcds/fonts.css', css(fontsCss));
  app.get('/assets/gcds/tokens.css', css(tokensCss));
  app.get('/assets/gcds/css-shortcuts.min.css', css(shortcutsCss));
}

/**
 * The shortcuts stylesheet imports Google Fonts and loads its icon font from the design system's CDN; the
 * CSP (rightly) blocks both. The fonts are already served here (`fonts.css`), and so is the icon font.
 */
export function selfHosted(css: string): string {
  return css
    .replace(/@import url\(https?:[^)]*\);?/g, '')
    .replace(/https:\/\/cdn\.design-system\.canada\.ca\/@gcds-core\/fonts@[\w.-]+\//g, '/assets/gcds/fonts/');
}
