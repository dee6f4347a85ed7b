import type { FastifyInstance } from 'fastify';
import { html } from '../views/html.ts';
import type { OpenApiRegistry } from './openapi.ts';

/** The OpenAPI document and a readable, script-free docs page generated from it. */
export function registerOpenApiRoutes(app: FastifyInstance, registry: OpenApiRegistry): void {
  app.get('/api/openapi.json', async (_request, reply) =>
    reply.type('application/json; charset=utf-8').send(registry.document),
  );
  app.get('/api/docs', async (_request, reply) =>
    reply.type('text/html; charset=utf-8').send(docsPage(registry)),
  );
}

function docsPage(registry: OpenApiRegistry): string {
  const doc = registry.document;
  const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ path, method: method.toUpperCase(), op })),
  );
  return `<!DOCTYPE html>\n${
    html`<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${doc.info.title} ${doc.info.version} - Guichet - Canada.ca</title>
<link rel="stylesheet" href="/assets/gcds/fonts.css"><link rel="stylesheet" href="/assets/gcds/tokens.css"><link rel="stylesheet" href="/assets/guichet.css"></head>
<body><main id="main-content" class="container">
<h1>${doc.info.title} <span lang="fr">/ API de Guichet</span></h1>
<p>${doc.info.description}</p>
<p lang="fr">Les erreurs sont renvoyées sous forme de « problem details » (RFC 9457) dans les deux langues officielles.</p>
<p><a href="/api/openapi.json">OpenAPI 3.1 (JSON)</a></p>
<table><caption>Operations / Opérations</caption><thead><tr><th scope="col">Method</th><th scope="col">Path</th><th scope="col">Summary</th></tr></thead><tbody>
${operations.map(({ path, method, op }) => html`<tr><td><code>${method}</code></td><td><code>${path}</code></td><td>${op.summary}${op.description ? html`<br><span class="meta">${op.description}</span>` : ''}</td></tr>`)}
</tbody></table>
<p><a href="/en">Guichet</a> · <a href="/fr" lang="fr">Guichet (français)</a></p>
</main></body></html>`.value
  }\n`;
}
