import { describe, expect, it } from 'vitest';
import { gen, genrex, type JobStatus, readJobStatus } from '../../src/index.js';

describe('the GenRex and GEN job facet', () => {
  const cases: Array<[unknown, JobStatus]> = [
    [{ success: false, status: 'failed', error: { step: 'images', code: 'IMAGE_GENERATION_ERROR' } }, { state: 'failed', step: 'images' }],
    [{ success: false }, { state: 'failed' }],
    [{ status: 'FAILED' }, { state: 'failed' }],
    ...['completed', 'complete', 'succeeded', 'success', 'done', 'finished', ' Done '].map((status): [unknown, JobStatus] => [{ status }, { state: 'succeeded' }]),
    ...['researching', 'generating', 'images', 'audio'].map((step): [unknown, JobStatus] => [{ success: true, status: step }, { state: 'running', step }]),
    [{ status: 'queued' }, { state: 'pending' }],
    [{ status: 'processing' }, { state: 'pending' }],
    [{ status: 42 }, { state: 'pending' }],
    [[], { state: 'pending' }],
    ['completed', { state: 'pending' }],
    [null, { state: 'pending' }],
  ];
  it.each(cases)('%j -> %j', (body, expected) => {
    expect(readJobStatus(body)).toEqual(expected);
    expect(genrex.readJob(body)).toEqual(expected);
    expect(gen.readJob(body)).toEqual(expected);
  });
});
