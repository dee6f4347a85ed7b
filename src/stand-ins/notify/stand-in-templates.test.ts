import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findPersonalInformation } from '../../platform/notify/notice-guard.ts';
import { NOTICE_CHANNELS, NOTICE_KINDS } from '../../platform/notify/notify-config.ts';
import { GUICHET_TEMPLATE_IDS, GUICHET_TEMPLATES, renderTemplate } from './stand-in-templates.ts';
import type { StandInTemplate } from './stand-in-templates.ts';

const template: StandInTemplate = {
  id: 'x',
  type: 'email',
  name: 't',
  subject: 'Hello ((First name))',
  body: 'See ((link)) or ((LINK)).',
  version: 1,
};

describe('stand-in templates', () => {
  it('fills placeholders, matching names without regard to case, spaces, hyphens or underscores', () => {
    assert.deepEqual(renderTemplate(template, { first_name: 'you', link: 'https://x.example/' }), {
      subject: 'Hello you',
      body: 'See https://x.example/ or https://x.example/.',
    });
  });

  it('names every placeholder left without a value, once', () => {
    assert.deepEqual(renderTemplate(template, {}), { missing: ['First name', 'link'] });
  });

  it('has an email and an SMS template in each language for every kind of notice, of the right type', () => {
    const byId = new Map(GUICHET_TEMPLATES.map((entry) => [entry.id, entry]));
    for (const kind of NOTICE_KINDS) {
      for (const channel of NOTICE_CHANNELS) {
        const { en, fr } = GUICHET_TEMPLATE_IDS[kind][channel];
        assert.equal(byId.get(en)?.type, channel, `${kind} ${channel} en`);
        assert.equal(byId.get(fr)?.type, channel, `${kind} ${channel} fr`);
        assert.notEqual(byId.get(en)?.body, byId.get(fr)?.body);
      }
    }
  });

  it('says nothing personal: only a link is filled in', () => {
    for (const entry of GUICHET_TEMPLATES) {
      const rendered = renderTemplate(entry, { link: 'https://guichet.example.ca/en/my-guichet/inbox' });
      assert.ok(!('missing' in rendered), entry.name);
      assert.deepEqual(findPersonalInformation(`${rendered.subject ?? ''} ${rendered.body}`), [], entry.name);
    }
  });
});
