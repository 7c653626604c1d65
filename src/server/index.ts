/**
 * @module
 * Embargo's HTTP server: yente-compatible screening, OpenRefine reconciliation, and Embargo's own
 * trade, scenario and list routes, over the engine.
 */
export { buildServer } from './app.ts';
export { startServer, type StartOptions } from './start.ts';
export type { RateLimitOptions, ServerOptions } from './context.ts';
export { DEFAULT_BODY_LIMIT, DEFAULT_RATE_LIMIT, DEFAULT_STREAM_LIMIT } from './context.ts';
export { createApiKey, hashApiKey, isRole, ROLES, type ApiKeyInfo, type Role } from './keys.ts';
export { HTTP_CODES, statusFor } from './errors.ts';
export type { YenteScored, FeatureResult } from './yente.ts';
export type { HistoryStep, NestedEntity } from './nested.ts';
