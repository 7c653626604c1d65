/**
 * Issue 12 on the real lists: names with typos in short tokens, initials, run together or dressed
 * as trade and payment documents write them are found; sound alone and a different number are
 * not matches.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createEngine, type Engine, type PreparedScreening } from '../../src/index.ts';
import { listPath, needsData } from '../helpers/data.ts';

describe(
  'screening names as documents and people write them, on the real lists',
  { ...needsData('un_sc', '2026-02-27'), ...needsData('ofac_sdn', '2023-12-28') },
  () => {
    const home = mkdtempSync(join(tmpdir(), 'embargo-dressed-'));
    let lists: Engine;
    /** Screening in plain loops: prepared once the lists are loaded. */
    let engine: PreparedScreening;

    before(async () => {
      lists = createEngine({ home });
      await lists.loadList({ source: 'un_sc', paths: [listPath('un_sc', '2026-02-27')] });
      await lists.loadList({ source: 'ofac_sdn', paths: [listPath('ofac_sdn', '2023-12-28')] });
      engine = await lists.prepareScreening();
    });
    after(async () => {
      await lists?.close();
      rmSync(home, { recursive: true, force: true });
    });

    const top = (name: string, schema: 'Thing' | 'Person' | 'Vessel' | 'Company' = 'Thing') =>
      engine.screen({ schema, properties: { name: [name] } }, { limit: 3 }).results[0];

    test("the issue's examples are found: the listed party first, and a match", () => {
      for (const [q, caption] of [
        ['Choe Ryong Hea', /^CHOE, Ryong Hae$/],
        ['Ri Pyong Cohl', /^RI, Pyong Chol$/i],
        ['Kim Yong Cholll', /^KIM,? Yong Chol$/i],
        ['Y. Prigozhin', /^PRIGOZHIN, Yevgeniy/],
        ['V. Zolotov', /^ZOLOTOV, Viktor/],
        ['AleksandrLukashenka', /^LUKASHENK[AO], Al/],
        ['aleksandrlukashenka', /^LUKASHENK[AO], Al/],
        ['MT YU JONG 2 (Sierra Leone flag)', /^YU JONG 2$/],
        ['NEW REGENT (ex YU JONG 2)', /^YU JONG 2$/],
        ['YU JONG II', /^YU JONG 2$/],
        ['BENEFICIARY: KOREA MINING DEVELOPMENT TRADING CORP', /KOREA MINING DEVELOPMENT TRADING/],
        ['KOREA MINING DEVELOPMENT TRADING CORP, DUBAI BRANCH', /KOREA MINING DEVELOPMENT TRADING/],
      ] as const) {
        const r = top(q);
        assert.match(r?.caption ?? 'nothing', caption, q);
        assert.ok(r!.match, `${q} → ${r!.caption} ${r!.score}`);
      }
    });

    test('a short form cut from the listed given name finds the person; of another name, not', () => {
      for (const [q, caption] of [
        ['Sveta Katsubo', /^KATSUB[AO], S/], // caption KATSUBA, Sviatlana; alias KATSUBO, Svetlana
        ['Sveta Nikolaevna Zakharova', /^ZAKHAROVA, Svetlana Nikolaevna$/],
        ['Slava Viktorovich Volodin', /^VOLODIN, Vyacheslav/],
      ] as const) {
        const r = top(q, 'Person');
        assert.match(r?.caption ?? 'nothing', caption, q);
        assert.ok(r!.match, `${q} → ${r!.caption} ${r!.score}`);
        assert.ok(
          r!.explanations.tokens.some((t) => t.method === 'short-form'),
          q,
        );
      }
      for (const [q, listed] of [
        ['Nastya Nikolaevna Zakharova', /ZAKHAROVA, Svetlana/],
        ['Sveta Viktorovich Volodin', /VOLODIN/],
      ] as const)
        assert.equal(
          engine
            .screen({ schema: 'Person', properties: { name: [q] } })
            .results.some((r) => r.match && listed.test(r.caption)),
          false,
          q,
        );
    });

    test('the part of a dressed name that matched is reported', () => {
      const r = engine.screen({
        schema: 'Vessel',
        properties: { name: ['NEW REGENT (ex YU JONG 2)'] },
      });
      assert.equal(r.results[0]?.matched_query, 'YU JONG 2');
    });

    test('sound alone and a different number are not matches', () => {
      for (const q of ['Acme Ltd', 'YU JONG 3', 'YU JONG III'])
        assert.equal(
          engine
            .screen({ schema: 'Thing', properties: { name: [q] } })
            .results.some(
              (r) => r.match && /AQIM|YU JONG 2/.test(`${r.matched_name} ${r.caption}`),
            ),
          false,
          q,
        );
    });
  },
);
