/**
 * @module
 * Checking transactions against a regime: parsing, the judge, caps and the verdict's shape.
 */
export * from './transaction.ts';
export { TransactionInput, TxGoodsInput, TxPartyInput } from './schema.ts';
export * from './verdict.ts';
export * from './caps.ts';
export { judge, screeningAsks, LIST_AUTHORITY, type JudgeContext } from './judge.ts';
