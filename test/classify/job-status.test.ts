import { describe, expect, it } from 'vitest';
import { gen, genrex, readJobStatus } from '../../src/index.js';

describe('the GenRex and GEN job facet', () => {
  it.each([
    [{ success: false, status: 'failed', error: { step: 'images', code: 'IMAGE_GENERATION_ERROR' } }, { state: 'failed', step: 'images' }],
    [{ success: false }, { state: 'failed' }],
    [{ status: 'FAILED' }, { state: 'failed' }],
    ...['completed', 'complete', 'succeeded', 'success', 'done', 'finished', ' Done '].map((status) => [{ status }, { state: 'succeeded' }] as const),
    ...['researching', 'generating', 'images', 'audio'].map((step) => [{ success: true, status: step }, { state: 'running', step }] as const),
    [{ status: 'queued' }, { state: 'pending' }],
    [{ status: 'processing' }, { state: 'pending' }],
    [{ status: 42 }, { state: 'pending' }],
    [[], { state: 'pending' }],
    ['completed', { state: 'pending' }],
    [null, { state: 'pending' }],
  ])('%j -> %j', (body, expected) => {
    expect(readJobStatus(body)).toEqual(expected);
    expect(genrex.readJob(body)).toEqual(expected);
    expect(gen.readJob(body)).toEqual(expected);
  });
});
