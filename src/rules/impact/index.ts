/**
 * @module
 * Scenario impact: a trade baseline (North Korea's trade, fuel and income, each row with its
 * source), the mapping of its rows to the measures' HS scope, and what a relief scenario re-opens
 * against it, alone or beside another scenario.
 */
export * from './baseline.ts';
export * from './impact.ts';
export * from './compare.ts';
export { coverage, rowScope, type Coverage, type RowScope } from './mapping.ts';
