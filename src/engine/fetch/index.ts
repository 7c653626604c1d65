/**
 * @module
 * Live lists: downloading sources from their addresses, refreshing them once or on a schedule.
 */
export { downloadFile, type FileRequest, type FileResult } from './http.ts';
export { downloadPlan, type DownloadPlan } from './plan.ts';
export {
  refreshLists,
  type RefreshContext,
  type RefreshOptions,
  type RefreshOutcome,
} from './refresh.ts';
export { parseDuration, runSchedule, type ScheduleOptions } from './watch.ts';
