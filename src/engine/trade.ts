/**
 * @module
 * Trade checks through the engine (issue 4): the rules' judge, given the engine's screening of
 * parties and vessels against the active lists (optionally only entities evidenced as listed by a
 * date), for one transaction or a book of them (JSONL, judged in date order on one cap ledger).
 */
import { readdirSync } from 'node:fs';
import {
  type EmbargoError,
  type Properties,
  type ScoredEntity,
  type ScreenOptions,
  type ScreenResponse,
  type ScreeningQuery,
  type SchemaName,
} from '../core/index.ts';
import {
  CapLedger,
  judge,
  parseTransaction,
  screeningAsks,
  type ListHit,
  type OpeningBalance,
  type TradeVerdict,
  type Transaction,
  type TxParty,
} from '../rules/check/index.ts';
import {
  REGIMES_DIR,
  loadRegime,
  loadScenario,
  measuresInForce,
  type Authority,
  type Measure,
  type Regime,
  type Scenario,
} from '../rules/index.ts';
import { DEFAULT_THRESHOLDS } from '../match/index.ts';
import type { ScreeningService } from './screen.ts';
import type { LedgerEntries, Store } from '../store/index.ts';
import { notReady } from './coverage.ts';
import { withCoverage } from './verdictCoverage.ts';
import { readBook, type BookRecords, type ReadBook } from './book.ts';

/** Options of a trade check. */
export interface TradeOptions {
  /** Authorities that bind the user; default `['un']`. */
  authorities?: Authority[];
  /** Judge measures on this date instead of each transaction's. */
  asOf?: string;
  /** Keep only list entities evidenced as listed by this date (listing date, else first_seen). */
  listsAsOf?: string;
  /** Regime id or folder; default `dprk`. */
  regime?: string;
  /**
   * Opening cap balances: what was used before the first transaction (the CLI reads them from
   * `--cap-usage FILE` with the rules' `parseOpeningBalances`).
   */
  openingBalances?: OpeningBalance[];
  /** Keep the cap ledger under this name in the store between runs. */
  ledger?: string;
  /** Screening options (threshold, algorithm). */
  screen?: ScreenOptions;
  /** Judge with this relief scenario applied (an id under src/rules/scenarios/). */
  scenario?: string;
}

/** Outcome of a book. */
export interface BookSummary {
  checked: number;
  failed: number;
  verdicts: { CLEAR: number; REVIEW: number; BLOCK: number };
  /** Bad lines, with their errors (also written to the output). */
  errors: EmbargoError[];
}

/**
 * Counts a book's items as they are given (see {@link checkTradeStream}): what its summary says,
 * the same whoever reads the stream (the CLI writing a file, the server answering a request).
 */
export class BookTally implements BookSummary {
  checked = 0;
  failed = 0;
  verdicts = { CLEAR: 0, REVIEW: 0, BLOCK: 0 };
  errors: EmbargoError[] = [];

  /** Counts one item. */
  add(item: BookItem): void {
    if ('error' in item) {
      this.failed++;
      this.errors.push(item.error);
    } else {
      this.checked++;
      this.verdicts[item.verdict]++;
    }
  }
}

/** A regime per id, loaded once per process (the files do not change while it runs). */
const regimes = new Map<string, Regime>();
/** The regime `id`, loaded once per process. */
export function regimeFor(id: string): Regime {
  let r = regimes.get(id);
  if (!r) regimes.set(id, (r = loadRegime(id)));
  return r;
}

/**
 * What the judge needs from the engine. Judging is synchronous (the rules screen inside their
 * callbacks): `screening.refresh()` is awaited first, and the judge reads what it read.
 */
export interface Screening {
  screening: ScreeningService;
  store: Store;
}

/**
 * The query that finds a vessel by IMO number: the number alone, no name, so nothing is looked up
 * but the identifier (the vessel's name is screened on its own, as a party).
 */
function imoQuery(imo: string): ScreeningQuery {
  return { schema: 'Vessel', properties: { imoNumber: [imo] } };
}

/** Turns a party into a screening query: identifiers to the FtM properties the matcher reads. */
function queryOf(party: TxParty): ScreeningQuery {
  const vessel = party.role === 'vessel';
  const properties: Properties = { name: [party.name] };
  const countries = [party.country, party.nationality].filter((c): c is string => !!c);
  if (countries.length) properties[vessel ? 'flag' : 'country'] = countries;
  for (const [kind, value] of Object.entries(party.identifiers ?? {})) {
    const prop =
      kind === 'imo'
        ? 'imoNumber'
        : kind === 'passport'
          ? 'passportNumber'
          : kind === 'registration'
            ? 'registrationNumber'
            : kind === 'tax'
              ? 'taxNumber'
              : 'idNumber';
    (properties[prop] ??= []).push(value);
  }
  return { schema: (vessel ? 'Vessel' : 'Thing') as SchemaName, properties };
}

/**
 * Screening answers computed ahead (on worker processes, for a book), keyed by
 * {@link prescreenKey}. A query missing from it is screened on the spot.
 */
export type Prescreened = Pick<ReadonlyMap<string, ScreenResponse>, 'get'>;

/** The key of a query and its options in {@link Prescreened}. */
export function prescreenKey(query: ScreeningQuery, options: ScreenOptions): string {
  return JSON.stringify([query, options]);
}

/**
 * The screening options of a party query (of a name the book asks once, and of one it asks
 * again) and of a vessel's IMO query.
 */
export function screeningOptionsOf(options: TradeOptions): {
  party: ScreenOptions;
  recurring: ScreenOptions;
  vessel: ScreenOptions;
} {
  // Brief answers: the judge reads scores, names and feature contributions, never the
  // properties or token explanations (a vessel's IMO numbers are read from the store).
  // Only results the judge can use come back: a party hit needs the threshold less 0.1 (a
  // possible hit) or an exact identifier; a vessel hit an exact IMO number (0.99 and above).
  const threshold =
    options.screen?.threshold ?? DEFAULT_THRESHOLDS[options.screen?.algorithm ?? 'embargo'];
  // A book meets its counterparties again and again, with other roles and countries: the names
  // it asks more than once have their candidates and alignments remembered (`memoNames`; the
  // results are the same), and the names it asks once do not crowd them out.
  const party: ScreenOptions = {
    limit: 5,
    ...options.screen,
    detail: 'brief',
    cutoff: Math.max(0, threshold - 0.1),
  };
  return {
    party,
    recurring: { ...party, memoNames: true },
    vessel: { limit: 10, detail: 'brief', cutoff: 0.99 },
  };
}

/** What a query's names are, for knowing when a book asks them again. */
export function namesOf(query: ScreeningQuery): string {
  return `${query.schema ?? 'Thing'}\u0000${(query.properties.name ?? []).join('\u0000')}`;
}

/** The names (see {@link namesOf}) that judging `txs` asks more than once. */
export function recurringNames(txs: Iterable<Transaction>): Set<string> {
  const seen = new Set<string>();
  const again = new Set<string>();
  for (const tx of txs)
    for (const p of screeningAsks(tx).parties) {
      const names = namesOf(queryOf(p));
      if (seen.has(names)) again.add(names);
      else seen.add(names);
    }
  return again;
}

/** The options a party's query is screened with: remembered if the book asks its names again. */
function partyOptions(
  query: ScreeningQuery,
  opts: ReturnType<typeof screeningOptionsOf>,
  recurring?: ReadonlySet<string>,
): ScreenOptions {
  return recurring?.has(namesOf(query)) ? opts.recurring : opts.party;
}

/** `{ listed_on }` when the list states the entity's listing date, else nothing. */
function listedOn(engine: Screening, id: string): { listed_on?: string } {
  const d = engine.screening.facts(id)?.listingDate;
  return d ? { listed_on: d } : {};
}

/** The judge's screening functions over the engine. */
function screeners(
  engine: Screening,
  options: TradeOptions,
  prescreened?: Prescreened,
  recurring?: ReadonlySet<string>,
) {
  const opts = screeningOptionsOf(options);
  const screen = (query: ScreeningQuery, o: ScreenOptions) =>
    prescreened?.get(prescreenKey(query, o)) ?? engine.screening.screenNow(query, o);
  const evidenced = (r: ScoredEntity): boolean => {
    if (!options.listsAsOf) return true;
    // --lists-as-of: the stated listing date, else the first snapshot that named the entity.
    const e = engine.screening.facts(r.id);
    const since = e?.listingDate ?? e?.firstSeen ?? r.first_seen;
    return since <= options.listsAsOf;
  };
  const toHit = (r: ScoredEntity, threshold: number): ListHit | undefined => {
    const identifier = 'identifier' in r.explanations.features && r.score >= 0.99;
    const strength = identifier
      ? 'decisive'
      : r.match
        ? 'match'
        : r.score >= threshold - 0.1
          ? 'possible'
          : undefined;
    if (!strength) return undefined;
    return {
      id: r.id,
      caption: r.caption,
      sources: r.datasets,
      score: Math.round(r.score * 1000) / 1000,
      strength,
      matched_name: r.matched_name,
      programs: r.programs,
      // The listing date tells which resolution's designation paragraph a UN hit falls under.
      ...listedOn(engine, r.id),
    };
  };
  const screenParty = (party: TxParty): ListHit[] => {
    const query = queryOf(party);
    const res = screen(query, partyOptions(query, opts, recurring));
    return res.results
      .filter(evidenced)
      .map((r) => toHit(r, res.threshold))
      .filter((h): h is ListHit => h !== undefined);
  };
  // A brief answer (screened on a worker) carries no properties: only a result whose identifier
  // matched can hold the IMO number, and its numbers are read from the store.
  const imoNumbersOf = (r: ScoredEntity): string[] =>
    r.properties.imoNumber ??
    ('identifier' in r.explanations.features
      ? (engine.screening.facts(r.id)?.imoNumber ?? [])
      : []);
  const vesselByImo = (imo: string): ListHit[] => {
    const res = screen(imoQuery(imo), opts.vessel);
    return res.results
      .filter((r) => imoNumbersOf(r).some((x) => x.replace(/\D/g, '') === imo))
      .filter(evidenced)
      .map((r) => ({ ...toHit(r, res.threshold)!, strength: 'decisive' as const, score: 1 }));
  };
  return { screenParty, vesselByImo };
}

/** A ledger for a run: opening balances, and what the store kept (`kept`), if anything. */
export function openLedger(options: TradeOptions, kept?: LedgerEntries): CapLedger {
  const regime = regimeFor(options.regime ?? 'dprk');
  return new CapLedger(kept, options.openingBalances ?? [], regime.measures);
}

/** {@link openLedger} with the ledger the store keeps under `options.ledger`, if given. */
export async function openKeptLedger(engine: Screening, options: TradeOptions): Promise<CapLedger> {
  return openLedger(
    options,
    options.ledger ? await engine.store.readLedger(options.ledger) : undefined,
  );
}

/** Saves a ledger in the store under `options.ledger`, if given. */
export async function keepLedger(
  engine: Screening,
  options: TradeOptions,
  ledger: CapLedger,
): Promise<void> {
  if (options.ledger) await engine.store.writeLedger(options.ledger, ledger.toEntries());
}

/**
 * Checks one transaction (JSON text or parsed), with a ledger shared by the caller (a new one,
 * kept in the store under `options.ledger` if given, otherwise).
 */
export async function checkTransaction(
  engine: Screening,
  tx: unknown,
  options: TradeOptions = {},
  ledger?: CapLedger,
): Promise<TradeVerdict> {
  const own = ledger ?? (await openKeptLedger(engine, options));
  const parsed = parseTransaction(tx);
  await engine.screening.refresh();
  const verdict = judgeOne(engine, parsed, options, own);
  if (!ledger) await keepLedger(engine, options, own);
  return verdict;
}

/** A scenario per id, loaded once per process. */
const scenarios = new Map<string, Scenario>();
function scenarioFor(id: string): Scenario {
  let s = scenarios.get(id);
  if (!s) scenarios.set(id, (s = loadScenario(id)));
  return s;
}

/**
 * Judges a parsed transaction on a ledger (with `options.scenario` applied, if given; a scenario
 * for another regime is refused by the rules).
 */
export function judgeOne(
  engine: Screening,
  tx: Transaction,
  options: TradeOptions,
  ledger: CapLedger,
  prescreened?: Prescreened,
  recurring?: ReadonlySet<string>,
): TradeVerdict {
  const regime = regimeFor(options.regime ?? 'dprk');
  const scenario = options.scenario ? scenarioFor(options.scenario) : undefined;
  // With no list loaded no party could be screened: refuse rather than judge on goods alone
  // (after the options are checked, so a mistyped regime or scenario is named first).
  const now = Date.now();
  const active = engine.screening.activeSnapshotsNow();
  if (!active.length) throw notReady();
  const verdict = judge(tx, {
    regime,
    authorities: options.authorities ?? ['un'],
    ...(options.asOf && { asOf: options.asOf }),
    ...(scenario && { scenario }),
    ...screeners(engine, options, prescreened, recurring),
    ledger,
  });
  return withCoverage(verdict, regime, active, engine.screening.maxAgeDays(), now);
}

/** A screening query a transaction's judging asks, with its options and its key in {@link Prescreened}. */
export interface AskedQuery {
  key: string;
  query: ScreeningQuery;
  options: ScreenOptions;
}

/** The screening queries judging `tx` asks (see the rules' `screeningAsks`), in the order asked. */
export function screeningQueriesOf(
  tx: Transaction,
  options: TradeOptions,
  recurring?: ReadonlySet<string>,
): AskedQuery[] {
  const opts = screeningOptionsOf(options);
  const asks = screeningAsks(tx);
  const out: AskedQuery[] = [];
  const add = (query: ScreeningQuery, o: ScreenOptions) =>
    out.push({ key: prescreenKey(query, o), query, options: o });
  for (const imo of asks.imos) add(imoQuery(imo), opts.vessel);
  for (const p of asks.parties) {
    const query = queryOf(p);
    add(query, partyOptions(query, opts, recurring));
  }
  return out;
}

/** A book's good records in the order they are judged: by date (unless `asOf`), then by line. */
export function judgingOrder(book: ReadBook, options: TradeOptions): ReadBook['parsed'] {
  return [...book.parsed].sort(
    (a, b) => (options.asOf ? 0 : a.tx.date.localeCompare(b.tx.date)) || a.line - b.line,
  );
}

/** A regime as `embargo regime list` shows it. */
export interface RegimeSummary {
  id: string;
  title: string;
  acts: { act: string; authority: Authority; adopted: string; measures: number }[];
  measures: number;
}

/** Every regime shipped under the rules' regimes folder. */
export function listRegimes(): RegimeSummary[] {
  return readdirSync(REGIMES_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((id) => {
      const r = regimeFor(id);
      return {
        id: r.id,
        title: r.title,
        acts: r.acts.map((a) => ({
          act: a.act,
          authority: a.authority,
          adopted: a.adopted,
          measures: a.measures.length,
        })),
        measures: r.measures.length,
      };
    });
}

/** The measures of a regime in force on a date (`embargo regime show`). */
export function showRegime(
  id: string,
  asOf: string,
  authorities?: Authority[],
): { regime: string; title: string; as_of: string; measures: Measure[] } {
  const r = regimeFor(id);
  const measures = measuresInForce(r, asOf).filter(
    (m) => !authorities?.length || authorities.includes(m.authority),
  );
  return { regime: r.id, title: r.title, as_of: asOf, measures };
}

export type {
  AuthorityVerdict,
  CapState,
  Reason,
  TradeVerdict,
  Verdict,
} from '../rules/check/index.ts';
export type { Authority, Measure } from '../rules/index.ts';

/** A line of a book's answer: its verdict, or why it was not judged. */
export type BookItem = TradeVerdict | { line: number; error: EmbargoError };

/** How long judging runs before it lets the event loop in (a server's other requests). */
const SLICE_MS = 10;

/**
 * Yields to the event loop when `SLICE_MS` have passed since the last yield: judging is
 * synchronous, and a long book would otherwise hold a server's other requests (`/healthz`).
 */
export function slicer(): () => Promise<void> {
  let since = performance.now();
  return async () => {
    if (performance.now() - since < SLICE_MS) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
    since = performance.now();
  };
}

/** Options of {@link checkTradeStream} about the stream itself. */
export interface BookStreamOptions {
  /** Names where the records come from in their errors (a file name); default `request body`. */
  source?: string;
  /** Hears how many of the good records are judged, of how many. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Judges a stream of transactions (objects, JSON lines or errors, see `BookReader`) as a book: in
 * date order on one cap ledger, so the whole book is read before the first verdict (a cap fills in
 * date order, not in the order the records arrive); each record is parsed as it arrives, so only
 * the transactions are held, not their text. Yields one item per record (blank lines aside), in
 * the records' order: its verdict, or `{line, error}`. Judges in slices that let the event loop in.
 * Throws E_NOT_READY, before judging anything, when no list is loaded.
 */
export async function* checkTradeStream(
  engine: Screening,
  records: BookRecords,
  options: TradeOptions = {},
  stream: BookStreamOptions = {},
): AsyncGenerator<BookItem> {
  // Options first, so a mistyped scenario or regime is named before the book is read.
  if (options.scenario) scenarioFor(options.scenario);
  regimeFor(options.regime ?? 'dprk');
  const book = await readBook(records, stream.source ?? 'request body');
  const ledger = await openKeptLedger(engine, options);
  await engine.screening.refresh();
  if (!engine.screening.activeSnapshotsNow().length) throw notReady();
  const good = judgingOrder(book, options);
  const again = recurringNames(good.map((p) => p.tx));
  const items = new Map<number, BookItem>();
  for (const b of book.bad) items.set(b.line, { line: b.line, error: b.error });
  const pause = slicer();
  let done = 0;
  for (const p of good) {
    items.set(p.line, judgeOne(engine, p.tx, options, ledger, undefined, again));
    stream.onProgress?.(++done, good.length);
    await pause();
  }
  await keepLedger(engine, options, ledger);
  const lines = [...items.keys()].sort((a, b) => a - b);
  // Each item leaves the map as it is given, so a consumer that writes it out frees it.
  for (const line of lines) {
    const item = items.get(line)!;
    items.delete(line);
    yield item;
  }
}
