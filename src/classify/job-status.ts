import { GENREX_STEPS } from '../errors/error-result.js';
import { isRecord } from './body-shape.js';
import type { JobStatus } from './define-adapter.js';

const SUCCEEDED = new Set(['completed', 'complete', 'succeeded', 'success', 'done', 'finished']);
const STEPS = new Set<string>(GENREX_STEPS);

/**
 * The job facet GenRex and GEN share: `status: "failed"` or `success: false` is failed (at the
 * body's `error.step`), a finished status is succeeded, a status naming a pipeline step is running
 * at that step, and anything else (queued, processing, a status nobody documented) is pending.
 */
export function readJobStatus(body: unknown): JobStatus {
  if (!isRecord(body)) return { state: 'pending' };
  const status = typeof body.status === 'string' ? body.status.trim().toLowerCase() : undefined;
  if (body.success === false || status === 'failed') {
    const step = isRecord(body.error) && typeof body.error.step === 'string' ? body.error.step : undefined;
    return step === undefined ? { state: 'failed' } : { state: 'failed', step };
  }
  if (status !== undefined && SUCCEEDED.has(status)) return { state: 'succeeded' };
  if (status !== undefined && STEPS.has(status)) return { state: 'running', step: status };
  return { state: 'pending' };
}
