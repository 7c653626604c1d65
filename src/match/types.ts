/**
 * @module
 * What the matcher keeps in memory about each listed entity and each of its names.
 */
import type { NameToken } from '../normalize/index.ts';
import type { SchemaName, SourceId, Topic } from '../core/index.ts';

/** One name or alias of an entity, tokenised once at index time. */
export interface IndexedName {
  /** Position of the entity in the matcher's entity array. */
  entity: number;
  /** The name as the list writes it. */
  text: string;
  tokens: NameToken[];
  /** Adjacent token texts joined ("jong"+"un"), for matching names written as one word. */
  joined: string[];
  /** Vocabulary ids of the tokens' primary texts, and of the joined pairs (-1: not indexed). */
  tokenIds: number[];
  joinedIds: number[];
  /** Where this name's tokens start in the index's per-token arrays (see `CandidateIndex.tokenSlots`). */
  tokenStart: number;
  /** A weak alias (`weakAlias`): matched, but worth less than a strong name. */
  weak: boolean;
}

/** An identifier of an entity, normalised for comparison. */
export interface IndexedIdentifier {
  /** FtM property it came from: passportNumber, idNumber, registrationNumber, taxNumber, imoNumber, mmsi… */
  prop: string;
  /** Upper-case letters and digits only. */
  value: string;
}

/** A listed entity as the matcher sees it. */
export interface IndexedEntity {
  id: string;
  schema: SchemaName;
  caption: string;
  source: SourceId;
  topics: Topic[];
  programs: string[];
  /**
   * The entity's FtM properties as JSON, parsed only for the results shown: seventeen thousand
   * property objects would take more memory than the whole index.
   */
  propertiesJson: string;
  birthDates: string[];
  /** Nationality, citizenship, country, birth country, flag: lower-case codes. */
  countries: string[];
  gender: string | undefined;
  identifiers: IndexedIdentifier[];
  firstSeen: string;
  lastChange: string;
}
