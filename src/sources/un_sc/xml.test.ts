// The shared streaming XML reader (src/sources/_xml.ts). It lives beside the UN parser, its first
// user, because each helper owns only its own folder.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { EmbargoError, ERROR_CODES } from '../../core/index.ts';
import {
  describeXmlRoot,
  readXmlElements,
  readXmlRoot,
  xmlChild,
  xmlChildren,
  xmlText,
  xmlToPlain,
  type XmlElement,
  type XmlReadOptions,
} from '../_xml.ts';

describe('_xml', () => {
  const dir = mkdtempSync(join(tmpdir(), 'embargo-xml-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  let n = 0;
  const file = (content: string | Buffer): string => {
    const path = join(dir, `f${++n}.xml`);
    writeFileSync(path, content);
    return path;
  };
  const read = async (path: string, options: XmlReadOptions): Promise<XmlElement[]> => {
    const out: XmlElement[] = [];
    for await (const el of readXmlElements(path, options)) out.push(el);
    return out;
  };
  const refusedWith = async (p: Promise<unknown>, path: string, line: number, re: RegExp) =>
    assert.rejects(p, (err: unknown) => {
      assert.ok(err instanceof EmbargoError, String(err));
      assert.equal(err.code, ERROR_CODES.INPUT_REFUSED);
      assert.equal(err.file, path);
      assert.equal(err.line, line);
      assert.match(err.message, re);
      return true;
    });

  const DOC = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<ROOT date="2024-01-02" xsi:type="x">',
    '  <REC id="1">',
    '    <NAME>A &amp; B</NAME>',
    '    <NOTE><![CDATA[<raw>]]></NOTE>',
    '    <V>1</V><V>2</V>',
    '    <REC id="nested"/>',
    '  </REC>',
    '  <OTHER><REC id="2"><NAME/></REC></OTHER>',
    '</ROOT>',
    '',
  ].join('\n');

  test('yields wanted elements as trees with lines; nested wanted ones stay children', async () => {
    let root: unknown;
    const els = await read(file(DOC), { elements: ['REC'], onRoot: (r) => (root = r) });
    assert.deepEqual(root, {
      name: 'ROOT',
      attrs: { date: '2024-01-02', 'xsi:type': 'x' },
      line: 2,
    });
    assert.deepEqual(
      els.map((e) => [e.attrs.id, e.line]),
      [
        ['1', 3],
        ['2', 9],
      ],
    );
    const rec = els[0]!;
    assert.equal(xmlText(rec, 'NAME'), 'A & B');
    assert.equal(xmlText(rec, 'NOTE'), '<raw>');
    assert.deepEqual(
      xmlChildren(rec, 'V').map((v) => v.text),
      ['1', '2'],
    );
    assert.equal(xmlChild(rec, 'REC')!.attrs.id, 'nested');
    assert.equal(xmlText(els[1]!, 'NAME'), undefined);
    assert.equal(xmlChild(rec, 'V')!.line, 6);
  });

  test('xmlToPlain: text leaves, arrays for repeats, @attributes', async () => {
    const [rec] = await read(file(DOC), { elements: ['REC'] });
    assert.deepEqual(xmlToPlain(rec!), {
      '@id': '1',
      NAME: 'A & B',
      NOTE: '<raw>',
      V: ['1', '2'],
      REC: { '@id': 'nested' },
    });
  });

  test('readXmlRoot reads only the root', async () => {
    // Everything after the root's start tag is garbage: readXmlRoot must not get that far.
    const path = file('<?xml version="1.0"?>\n<LIST a="1">\n<x></y>');
    assert.deepEqual(await readXmlRoot(path), { name: 'LIST', attrs: { a: '1' }, line: 2 });
    await refusedWith(
      readXmlRoot(file('a,b,c\n1,2,3\n')),
      join(dir, `f${n}.xml`),
      1,
      /not an XML file/,
    );
  });

  test('a refusal thrown by onRoot reaches the caller before any element', async () => {
    const path = file(DOC);
    const seen: XmlElement[] = [];
    await assert.rejects(
      (async () => {
        for await (const el of readXmlElements(path, {
          elements: ['REC'],
          onRoot: () => {
            throw new Error('wrong list');
          },
        }))
          seen.push(el);
      })(),
      /wrong list/,
    );
    assert.equal(seen.length, 0);
  });

  test('refuses text after the root, a file with no root, and no XML at all', async () => {
    // saxes reports a fault where it notices it: for stray text, at the end of that text.
    const trailing = file('<A><B/></A>\ntrailing text');
    await refusedWith(read(trailing, { elements: ['B'] }), trailing, 2, /malformed XML at line 2/);
    const noRoot = file('<?xml version="1.0"?>\n<!-- nothing -->\n');
    await refusedWith(read(noRoot, { elements: ['B'] }), noRoot, 3, /no XML root element/);
    const text = file('\n\nhello\n');
    await refusedWith(read(text, { elements: ['B'] }), text, 3, /not an XML file: line 3/);
  });

  test('reads Latin-1 when asked, and refuses a UTF-8 declaration then', async () => {
    const latin = file(
      Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><A><B>M\u00fcller</B></A>', 'latin1'),
    );
    const [b] = await read(latin, { elements: ['B'], encoding: 'latin1' });
    assert.equal(b!.text, 'M\u00fcller');
    const utf = file('<?xml version="1.0" encoding="UTF-8"?><A/>');
    await refusedWith(
      read(utf, { elements: [], encoding: 'latin1' }),
      utf,
      1,
      /declares encoding "UTF-8"/,
    );
  });

  test('names known roots of other lists', () => {
    assert.match(describeXmlRoot('sdnList')!, /OFAC/);
    assert.match(describeXmlRoot('HTML')!, /HTML page/);
    assert.equal(describeXmlRoot('nothing'), undefined);
  });
});
