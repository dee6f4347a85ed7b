import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { postgresUnavailableReason } from '../../test/support/databases.ts';
import {
  CookieJar,
  guichetRequest,
  signIn,
  startIdentityHarness,
} from '../../test/support/identity/identity-harness.ts';
import type { IdentityHarness } from '../../test/support/identity/identity-harness.ts';
import { staffSession } from '../../test/support/identity/sessions.ts';

const pgReason = await postgresUnavailableReason();
const MOUNTAIN_EN = /\d{1,2}:\d{2} [ap]\.m\. M[SD]T/;
const MOUNTAIN_FR = /\d{1,2} h \d{2} HA?N?R/;
const EASTERN_EN = /\d{1,2}:\d{2} [ap]\.m\. E[SD]T/;
const EASTERN_FR = /\d{1,2} h \d{2} H[NA]E/;

for (const kind of ['pglite', 'postgres'] as const) {
  describe(
    `session and sign-in times in the reader's own zone, named [${kind}]`,
    { skip: kind === 'postgres' && pgReason !== null ? pgReason : false },
    () => {
      let h: IdentityHarness;
      before(async () => {
        h = await startIdentityHarness({}, kind);
      });
      after(() => h.close());

      it('a person living in Alberta sees Mountain time on the session page, the header and My Guichet', async () => {
        const { jar } = await signIn(h, 'alberta', 'jordan.lee');
        const en = (await guichetRequest(h, jar, 'GET', '/en/session')).body;
        assert.match(en, new RegExp(`sign you out at ${MOUNTAIN_EN.source}`));
        assert.doesNotMatch(en, EASTERN_EN);
        const fr = (await guichetRequest(h, jar, 'GET', '/fr/session')).body;
        assert.match(fr, MOUNTAIN_FR);
        assert.doesNotMatch(fr, EASTERN_FR);
        const my = (await guichetRequest(h, jar, 'GET', '/en/my-guichet')).body;
        assert.match(my, new RegExp(`Signed in</dt><dd>[^<]*${MOUNTAIN_EN.source}`));
      });

      it('the access log shows its times in the person’s zone', async () => {
        const { jar } = await signIn(h, 'alberta', 'jordan.lee');
        await guichetRequest(h, jar, 'GET', '/en/my-guichet/my-data');
        const log = (await guichetRequest(h, jar, 'GET', '/fr/mon-guichet/journal-des-acces')).body;
        assert.match(log, new RegExp(`<td data-label="Quand">[^<]*${MOUNTAIN_FR.source}`));
        assert.doesNotMatch(log, EASTERN_FR);
      });

      it('staff pages stay in Eastern time, the zone named', async () => {
        const jar = new CookieJar();
        jar.set('__Host-guichet-session', await staffSession(h.guichet, h.database, ['agent']));
        assert.match((await guichetRequest(h, jar, 'GET', '/en/session')).body, EASTERN_EN);
        assert.match((await guichetRequest(h, jar, 'GET', '/fr/session')).body, EASTERN_FR);
      });
    },
  );
}
