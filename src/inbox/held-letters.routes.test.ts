import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import { describeOnBothDatabases } from '../../test/support/databases.ts';
import {
  deathRegisterOf,
  inMemoryEntitlements,
  payeeDirectoryOf,
} from '../../test/support/payments/entitlement-fixtures.ts';
import { statePurpose } from '../../test/support/app.ts';
import { personSession, staffSession } from '../../test/support/identity/sessions.ts';
import { buildApp } from '../app.ts';
import type { GuichetApp } from '../app.ts';
import { SESSION_COOKIE } from '../identity/identity.paths.ts';
import { loadReferenceData } from '../catalogue/reference-data.ts';
import { testConfig } from '../platform/config/config.ts';
import type { StaffRole } from '../platform/http/request-identity.ts';
import { DEMO_PEOPLE, ensureDemoPeople } from '../population/index.ts';
import { buildPrintFile } from './print-file.ts';

const [AMELIE, SECOND] = DEMO_PEOPLE;
const TODAY = new Date('2026-11-02T12:00:00Z');
const OFFICER = {
  actor: { type: 'staff' as const, id: 'officer-1', role: 'payments-officer' },
  channel: 'online' as const,
  purpose: 'payment-run',
  correlationId: 'test-held-letters',
};
const QUEBEC = {
  kind: 'residential' as const,
  line1: '1215, rue Saint-Jean',
  line2: null,
  city: 'Québec',
  provinceCode: 'QC' as const,
  postalCode: 'G1R 1S4',
  effectiveFrom: '2020-01-01',
};

describeOnBothDatabases(
  'a letter to an estate with no address on file is held, then released',
  (database) => {
    let guichet: GuichetApp;
    let outDir = '';
    let sequence = 0;
    const deaths: Record<string, string> = {};
    const noAddress = AMELIE?.id ?? '';
    const withAddress = SECOND?.id ?? '';
    const rows = [noAddress, withAddress].map((personId, i) => ({
      enrolmentId: `oas-held-000${String(i + 1)}`,
      personId,
      programmeId: 'oas',
      validFrom: '2026-01-01',
      validTo: null,
      amountCents: 74_231,
      periodKind: 'month' as const,
      decisionId: `52000000-0000-4000-8000-00000000000${String(i + 1)}`,
    }));
    const prepare = async (period: string) => {
      const { run } = await guichet.services.payments.runs.start(
        { programmeId: 'oas', period, preparedBy: 'officer-1' },
        OFFICER,
      );
      await guichet.services.payments.runs.resume(run.id);
    };
    const estateLetterOf = async (personId: string) => {
      const found = (await guichet.services.inbox.list(personId)).find((d) => d.kind === 'debt');
      assert.ok(found, 'the estate letter was delivered');
      return found.id;
    };
    const printFile = () =>
      buildPrintFile(database().db, guichet.services.crypto.cipher, {
        printDate: `2026-11-0${String((sequence += 1))}`,
        outDir,
        clock: () => TODAY,
      });
    const get = (url: string, cookie: string) =>
      guichet.app.inject({ method: 'GET', url, headers: { cookie } });
    const staff = async (roles: StaffRole[]) =>
      `${SESSION_COOKIE}=${await staffSession(guichet, database(), roles)}`;

    before(async () => {
      outDir = await mkdtemp(join(tmpdir(), 'guichet-held-'));
      guichet = await buildApp({
        config: testConfig(),
        database: database(),
        clock: () => TODAY,
        payments: {
          entitlements: inMemoryEntitlements(rows),
          deaths: { datesOfDeath: (ids) => deathRegisterOf(deaths).datesOfDeath(ids) },
          payees: payeeDirectoryOf(),
        },
      });
      await guichet.services.catalogue.seedReferenceData(loadReferenceData());
      await ensureDemoPeople(database().db, guichet.services.crypto);
      await guichet.app.ready();
      await guichet.services.person.record.changeAddress(
        withAddress,
        { ...QUEBEC, line1: '808 4 Avenue SW', city: 'Calgary', provinceCode: 'AB', postalCode: 'T2P 3E8' },
        { ...OFFICER, purpose: 'test' },
      );
      await prepare('2026-09');
      await prepare('2026-10');
      // Both deaths (20 August) are reported after September and October were paid: letters to both estates.
      deaths[noAddress] = '2026-08-20';
      deaths[withAddress] = '2026-08-20';
      await prepare('2026-11');
    });
    after(async () => {
      await guichet.app.close();
      await rm(outDir, { recursive: true, force: true });
    });

    it('is held out of the print file; the letter to an estate with an address is printed as before', async () => {
      const held = await estateLetterOf(noAddress);
      const posted = await estateLetterOf(withAddress);
      const file = await printFile();
      assert.ok(file);
      const printed = file.manifest.map((line) => line.documentId);
      assert.ok(printed.includes(posted), 'the letter with an address is in the print file');
      assert.ok(!printed.includes(held), 'the letter with no address is not');
      assert.equal(await printFile(), null, 'nothing else is waiting: the held letter stays out');
      const opened = await guichet.services.inbox.open(noAddress, held, OFFICER);
      assert.deepEqual(opened?.letter.recipient, [
        'À la succession d’Amélie Tremblay',
        'Aucune adresse au dossier\u202f: conservée jusqu’à ce que la succession communique avec nous',
      ]);
    });

    it('is listed in the staff queue, linked from the staff home, in English and French', async () => {
      const held = await estateLetterOf(noAddress);
      const agent = await staff(['agent']);
      assert.match((await get('/en/staff', agent)).body, /href="\/en\/staff\/held-letters"/);
      const en = await get('/en/staff/held-letters', agent);
      assert.equal(en.statusCode, 200);
      assert.match(en.body, /<h1>Letters held: no postal address<\/h1>/);
      assert.match(
        en.body,
        /Somme versée après un décès - [^<]+ - Amélie Tremblay/,
        'the title, in the letter’s language',
      );
      assert.match(en.body, new RegExp(`href="/en/staff/clients/${noAddress}/documents"`));
      assert.doesNotMatch(en.body, new RegExp(withAddress), 'a letter with an address is not held');
      assert.equal(en.headers['cache-control'], 'no-store');
      const fr = await get('/fr/personnel/lettres-retenues', agent);
      assert.equal(fr.statusCode, 200);
      assert.match(fr.body, /<h1>Lettres retenues\u00a0: aucune adresse postale<\/h1>/);
      assert.match(fr.body, new RegExp(`href="/fr/personnel/clients/${noAddress}/documents"`));
      const log = await guichet.services.audit.listForSubject(noAddress, 200);
      assert.ok(log.some((entry) => entry.action === 'inbox.held.read' && entry.actor_type === 'staff'));
      assert.equal(await statePurpose(guichet, agent, noAddress).then((r) => r.statusCode), 303);
      const documents = await get(`/en/staff/clients/${noAddress}/documents`, agent);
      assert.match(documents.body, /Held: no postal address on file, standard print/);
      const inInbox = (await guichet.services.inbox.list(noAddress)).find((document) => document.id === held);
      assert.deepEqual(
        inInbox?.print,
        { format: 'standard', printed: false, held: true },
        'still on paper, not printed, held',
      );
    });

    it('tells the person in their inbox that it was not mailed, and where to add an address, in both languages', async () => {
      const held = await estateLetterOf(noAddress);
      const cookie = `${SESSION_COOKIE}=${await personSession(guichet, database(), noAddress)}`;
      const en = await get('/en/my-guichet/inbox', cookie);
      assert.equal(en.statusCode, 200);
      assert.match(en.body, /<h2 id="unposted-title">We could not mail some letters<\/h2>/);
      assert.match(en.body, /so we could not mail 1 letter\./);
      assert.match(en.body, /<a href="\/en\/my-guichet\/profile\/address">Add your mailing address/);
      assert.match(en.body, new RegExp(`${held}[\\s\\S]*Not mailed: we have no mailing address for you`));
      const fr = await get('/fr/mon-guichet/boite-de-reception', cookie);
      assert.equal(fr.statusCode, 200);
      assert.match(fr.body, /Nous n’avons pas pu poster certaines lettres/);
      assert.match(
        fr.body,
        /<a href="\/fr\/mon-guichet\/profil\/adresse">Ajoutez votre adresse postale\u00a0:/,
      );
      assert.match(fr.body, /Non postée\u00a0: nous n’avons pas votre adresse postale/);
      const searched = (await get('/en/my-guichet/inbox?q=Tremblay', cookie)).body;
      assert.doesNotMatch(
        searched,
        /unposted-title/,
        'the notice counts the whole inbox, so not on a search',
      );
      assert.match(searched, /Not mailed: we have no mailing address for you/);
      const other = `${SESSION_COOKIE}=${await personSession(guichet, database(), withAddress)}`;
      assert.doesNotMatch((await get('/en/my-guichet/inbox', other)).body, /unposted-title|Not mailed/);
    });

    it('is refused to roles that do not open client files', async () => {
      for (const role of ['analyst', 'payments-officer', 'administrator'] as const) {
        const response = await get('/en/staff/held-letters', await staff([role]));
        assert.equal(response.statusCode, 403, role);
        assert.doesNotMatch((await get('/en/staff', await staff([role]))).body, /held-letters/);
      }
    });

    it('goes into the next print file once an address is recorded, readdressed, and only once', async () => {
      const held = await estateLetterOf(noAddress);
      assert.equal(await guichet.services.heldLetters.release(), 0, 'no address yet: still held');
      await guichet.services.person.record.changeAddress(noAddress, QUEBEC, { ...OFFICER, purpose: 'test' });
      assert.equal(await guichet.services.heldLetters.release(), 1);
      assert.equal(await guichet.services.heldLetters.release(), 0, 'released once');
      const file = await printFile();
      assert.deepEqual(
        file?.manifest.map((line) => line.documentId),
        [held],
      );
      assert.equal(await printFile(), null, 'printed once');
      const opened = await guichet.services.inbox.open(noAddress, held, OFFICER);
      assert.deepEqual(opened?.letter.recipient, [
        'À la succession d’Amélie Tremblay',
        '1215, rue Saint-Jean',
        'QUÉBEC QC  G1R 1S4',
      ]);
      const agent = await staff(['agent']);
      assert.match((await get('/en/staff/held-letters', agent)).body, /No letter is held\./);
      const log = await guichet.services.audit.listForSubject(noAddress, 200);
      assert.equal(log.filter((entry) => entry.action === 'inbox.document.released').length, 1);
      const cookie = `${SESSION_COOKIE}=${await personSession(guichet, database(), noAddress)}`;
      const inbox = (await get('/en/my-guichet/inbox', cookie)).body;
      assert.doesNotMatch(inbox, /unposted-title/, 'released: no longer said to be unmailed');
      assert.match(inbox, /Mailed/);
    });
  },
);
