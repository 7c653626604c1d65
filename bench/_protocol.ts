/**
 * @module
 * What bench/screen.ts and its child processes (bench/screen-one.ts) hand each other, as JSON.
 */
import type { BenchQuery } from './_queries.ts';

/** What the parent hands over (see bench/screen.ts). */
export interface Work {
  home: string;
  /** Results per query (as the eval harness asks for positives). */
  limit: number;
  /** Screened before timing starts, results ignored. */
  warmup: BenchQuery[];
  /** The comparison subset: timed, same for every engine. */
  subset: BenchQuery[];
  /** Even rows of negatives-dev drawn for choosing the baselines' cuts: not timed. */
  tuning: BenchQuery[];
  /** The whole query set, screened by Embargo only. */
  full: BenchQuery[];
}

/** What one query got: the best score of a target entity, and the top score of any. */
export interface Outcome {
  /** Best score among the returned entities that are a target (-1: none returned). */
  target: number;
  /** Score of the first result (-1: no result). */
  top: number;
}

/** A timed pass over a set of queries. */
export interface Pass {
  latenciesMs: number[];
  /** Wall time of the whole pass, for queries per second. */
  wallMs: number;
  outcomes: Outcome[];
}

/** The child's answer. */
export interface OneResult {
  engine: string;
  /** Names indexed (baselines; Embargo's index counts its own, deduplicated by tokens). */
  names?: number;
  entities?: number;
  /** Reading the names from the store (baselines); part of `buildMs`. */
  readMs?: number;
  /** From an open store to an index ready to answer. */
  buildMs: number;
  /** Score at or above which a result is a match (Embargo's default; the parent cuts the others). */
  threshold?: number;
  warmup: number;
  subset: Pass;
  tuning: Outcome[];
  /** Embargo only: the full set, name only and with date of birth, nationality and gender. */
  fullName?: Pass;
  fullDetails?: Pass;
  /** Peak RSS (maxRSS) after the index build, after the timed subset, and at the end. */
  rssAfterBuildMb: number;
  rssAfterSubsetMb: number;
  peakRssMb: number;
}
