/**
 * @module
 * Embargo as a library: the engine and the core model.
 */
export * from './core/index.ts';
export * from './engine/index.ts';
export { SOURCES, getSource } from './sources/index.ts';
export type * from './store/types.ts';
