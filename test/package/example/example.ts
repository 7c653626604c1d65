// What a TypeScript user of the published package writes: compiled by test/package/package.test.ts
// against the packed tarball, installed by name into a project of its own. Every name used here
// must come typed from the package's one entry.
import {
  createEngine,
  EmbargoError,
  ERROR_CODES,
  SOURCE_IDS,
  BookTally,
  type Authority,
  type BookItem,
  type Engine,
  type ScreenedChunk,
  type ScreenResponse,
  type SourceId,
  type TradeVerdict,
  type Transaction,
} from 'embargo';

const tx: Transaction = {
  id: 'tx-1',
  date: '2018-03-01',
  kind: 'shipment',
  parties: [
    { role: 'exporter', name: 'Korea Mining Development Trading Corporation', country: 'KP' },
  ],
  goods: [{ hs: '2701.12', description: 'coal' }],
  route: { origin: 'KP', destination: 'CN' },
};

/** Screens a name and judges a transaction; the answer types are the package's own. */
export async function example(home: string): Promise<string> {
  const engine: Engine = createEngine({ home });
  try {
    const source: SourceId = SOURCE_IDS[0];
    const hits: ScreenResponse = await engine.screen({
      schema: 'Person',
      properties: { name: ['Kim Jong Un'] },
    });
    const authorities: Authority[] = ['un', 'us'];
    const verdict: TradeVerdict = await engine.checkTrade(tx, { authorities });
    const top = hits.results[0]?.score ?? 0;
    // A book as a stream of records (objects or JSON lines), judged on one ledger.
    const tally = new BookTally();
    const book: AsyncIterable<BookItem> = engine.checkTradeStream([tx, JSON.stringify(tx)], {
      authorities,
    });
    for await (const item of book) tally.add(item);
    // A batch of names as CSV bytes, screened in this process.
    const csv = [Buffer.from('name\nKim Jong Un\n')];
    let rows = 0;
    const chunks: AsyncIterable<ScreenedChunk> = engine.screenStream(csv, {
      format: 'csv',
      workers: 1,
    });
    for await (const chunk of chunks) rows += chunk.rows.length;
    return `${source}: ${top.toFixed(2)}; ${verdict.verdict}; book ${tally.checked}/${tally.failed}; ${rows} rows`;
  } catch (err) {
    if (err instanceof EmbargoError && err.code === ERROR_CODES.NOT_READY) return 'no lists';
    throw err;
  } finally {
    await engine.close();
  }
}
