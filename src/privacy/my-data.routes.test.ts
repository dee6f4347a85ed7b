import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEMO_PEOPLE } from '../population/demo-people.ts';
import { postgresUnavailableReason } from '../../test/support/databases.ts';
import { readPdf, rolesOf } from '../../test/support/documents/pdf-reader.ts';
import {
  CookieJar,
  guichetRequest,
  signIn,
  startIdentityHarness,
} from '../../test/support/identity/identity-harness.ts';
import type { IdentityHarness } from '../../test/support/identity/identity-harness.ts';

const jordan = DEMO_PEOPLE[1];
const pgReason = await postgresUnavailableReason();

for (const kind of ['pglite', 'postgres'] as const) {
  describe(
    `download my data: a page, a tagged PDF and a documented JSON file [${kind}]`,
    { skip: kind === 'postgres' && pgReason !== null ? pgReason : false },
    () => {
      let h: IdentityHarness;
      let jar: CookieJar;
      const get = (url: string) => guichetRequest(h, jar, 'GET', url);
      const downloads = async () =>
        (await h.guichet.services.audit.listForSubject(jordan.id))
          .filter((entry) => entry.action === 'privacy.download')
          .map((entry) => (entry.details as { format?: string }).format);

      before(async () => {
        h = await startIdentityHarness({}, kind);
        await h.guichet.services.exchange.service.seedAgreements();
        ({ jar } = await signIn(h, 'alberta', 'jordan.lee'));
      });
      after(() => h.close());

      it('My Guichet links to the page, which links to the PDF, the JSON and its schema, in both languages', async () => {
        assert.match((await get('/en/my-guichet')).body, /href="\/en\/my-guichet\/my-data"/);
        assert.match((await get('/fr/mon-guichet')).body, /href="\/fr\/mon-guichet\/mes-donnees"/);
        const en = await get('/en/my-guichet/my-data');
        assert.match(en.body, /href="\/en\/my-guichet\/my-data.pdf" download>Download as a document \(PDF\)/);
        assert.match(en.body, /href="\/en\/my-guichet\/my-data.json" download>/);
        assert.match(en.body, /href="\/en\/my-guichet\/my-data.schema.json">description of the data file/);
        const fr = await get('/fr/mon-guichet/mes-donnees');
        assert.match(
          fr.body,
          /href="\/fr\/mon-guichet\/mes-donnees.pdf" download>Télécharger en document \(PDF\)/,
        );
        assert.match(fr.body, /href="\/fr\/mon-guichet\/mes-donnees.schema.json">description du fichier/);
      });

      it('the PDF is tagged, in the page’s language, with the person’s record and no full SIN', async () => {
        const before = (await downloads()).length;
        const response = await get('/fr/mon-guichet/mes-donnees.pdf');
        assert.equal(response.statusCode, 200);
        assert.equal(response.headers['content-type'], 'application/pdf');
        assert.equal(response.headers['cache-control'], 'no-store');
        assert.match(String(response.headers['content-disposition']), /guichet-mes-donnees\.pdf/);
        const pdf = await readPdf(response.rawPayload);
        assert.equal(pdf.markInfo?.Marked, true);
        assert.equal(pdf.info.Language, 'fr-CA');
        assert.equal(pdf.info.Title, 'Vos renseignements détenus par Guichet');
        const text = pdf.pages.flatMap((page) => page.texts.map((t) => t.text)).join(' ');
        assert.match(text, /Jordan Lee/);
        assert.match(text, /Qui a consulté mon dossier|journal/i);
        assert.ok(!text.replace(/\s/g, '').includes(jordan.sin), 'the SIN is masked');
        assert.ok(
          pdf.pages.some((page) => rolesOf(page.structTree).includes('Table')),
          'tables are tagged',
        );
        const after = await downloads();
        assert.equal(after.length, before + 1, 'audited once as an access to personal information');
        assert.ok(after.includes('pdf'), 'with its format');
      });

      it('the JSON names its schema, which is served to anyone; nothing is served to someone signed out', async () => {
        const file = JSON.parse((await get('/en/my-guichet/my-data.json')).body) as Record<string, unknown>;
        assert.equal(file.$schema, '/en/my-guichet/my-data.schema.json');
        assert.equal(file.schemaVersion, '1');
        const stranger = new CookieJar();
        const schema = await guichetRequest(h, stranger, 'GET', '/fr/mon-guichet/mes-donnees.schema.json');
        assert.equal(schema.statusCode, 200);
        assert.match(String(schema.headers['content-type']), /application\/schema\+json/);
        assert.match(schema.body, /x-description-fr/);
        for (const url of ['/en/my-guichet/my-data.json', '/en/my-guichet/my-data.pdf']) {
          const refused = await guichetRequest(h, stranger, 'GET', url);
          assert.notEqual(refused.statusCode, 200);
          assert.doesNotMatch(refused.body, /Jordan/);
        }
      });
    },
  );
}
