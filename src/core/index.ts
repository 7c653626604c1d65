/**
 * @module
 * The domain model: entities, schemata, topics, dates, hashes and the error class.
 */
export * from './errors.ts';
export * from './schema.ts';
export * from './entity.ts';
export * from './topics.ts';
export * from './dates.ts';
export * from './hash.ts';
export * from './validate.ts';
export * from './source.ts';
export * from './screening.ts';
export * from './memo.ts';
export * from './looseDate.ts';
export * from './schemaCheck.ts';
