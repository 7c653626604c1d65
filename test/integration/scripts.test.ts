/**
 * Names written in Burmese, Hebrew, Khmer, Georgian and Armenian script, screened against the real
 * OFAC SDN and UN lists (issue 13): the listed entry comes first.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createEngine, type Engine, type PreparedScreening } from '../../src/index.ts';
import { listPath, needsData } from '../helpers/data.ts';

describe(
  'names in other scripts find their listed entries',
  needsData('ofac_sdn', '2023-12-28'),
  () => {
    const home = mkdtempSync(join(tmpdir(), 'embargo-scripts-'));
    let lists: Engine;
    /** Screening in plain loops: prepared once the lists are loaded. */
    let engine: PreparedScreening;

    before(async () => {
      lists = createEngine({ home });
      await lists.loadList({ source: 'ofac_sdn', paths: [listPath('ofac_sdn', '2023-12-28')] });
      await lists.loadList({ source: 'un_sc', paths: [listPath('un_sc', '2026-02-27')] });
      engine = await lists.prepareScreening();
    });
    after(async () => {
      await lists.close();
      rmSync(home, { recursive: true, force: true });
    });

    /** The captions of the results at or above the threshold, best first. */
    const found = (name: string, schema = 'Thing'): string[] =>
      engine
        .screen({ schema: schema as 'Thing', properties: { name: [name] } }, { limit: 5 })
        .results.filter((r) => r.match)
        .map((r) => r.caption);

    const first = (name: string, caption: string, schema?: string) => {
      const captions = found(name, schema);
      assert.equal(captions[0], caption, `${name} → ${captions.join(' | ') || 'nothing'}`);
    };

    test('Burmese: Min Aung Hlaing and other members of the junta', () => {
      first('မင်းအောင်လှိုင်', 'HLAING, Min Aung', 'Person');
      first('ဗိုလ်ချုပ်မှူးကြီး မင်းအောင်လှိုင်', 'HLAING, Min Aung', 'Person');
      first('မိုးမြင့်ထွန်း', 'TUN, Moe Myint', 'Person');
      first('ကိုကိုလှိုင်', 'HLAING, Ko Ko', 'Person');
    });

    test('Hebrew: HAMAS ranks first for חמאס, Hizballah is found, and Hamas leaders', () => {
      first('חמאס', 'HAMAS');
      const hamas = found('חמאס');
      const hms = hamas.indexOf('JOINT STOCK COMPANY HMS GROUP');
      assert.ok(hms === -1 || hms > 0, `a consonant likeness never outranks HAMAS: ${hamas}`);
      first('חיזבאללה', 'HIZBALLAH');
      first('חזבאללה', 'HIZBALLAH');
      first('יחיא סנוואר', 'SINWAR, Yahya', 'Person');
      first('איסמאעיל הנייה', 'HANIYEH, Ismail', 'Person');
    });

    test('Khmer: officials listed under Global Magnitsky', () => {
      first('គន់ គីម', 'KIM, Kun', 'Person');
      first('ហ៊ីង ប៊ុនហៀង', 'HIENG, Hing Bun', 'Person');
      first('ទ្រី ភាព', 'PHEAP, Try', 'Person');
    });

    test('Georgian: in the national system and through Russian', () => {
      first('ოთარ ფარცხალაძე', 'PARTSKHALADZE, Otar Anzorovich', 'Person');
      first('ლაშა შუშანაშვილი', 'SHUSHANASHVILI, Lasha Pavlovich', 'Person');
      first('თარხან ბათირაშვილი', 'BATIRASHVILI, Tarkhan Tayumurazovich', 'Person');
    });

    test('Armenian', () => {
      first('Տիգրան Խաչատուրով', 'KHACHATUROV, Tigran Garikovich', 'Person');
    });

    test('a name in these scripts that is on no list finds nothing', () => {
      assert.deepEqual(found('ဒေါ်ခင်ခင်မာ', 'Person'), []);
      assert.deepEqual(found('שולמית אלוני', 'Person'), []);
    });
  },
);
