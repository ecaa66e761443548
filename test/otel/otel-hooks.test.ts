import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { BasicTracerProvider, InMemorySpanExporter, type ReadableSpan, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { afterEach, describe, expect, it } from 'vitest';
import { createClient, genrex } from '../../src/index.js';
import { otelHooks } from '../../src/otel/index.js';
import { keyRuns, ok, reply, type TestServer, useTwoServers } from '../support/servers.js';

// Spans from the real OpenTelemetry SDK (in-memory exporter), not a mock tracer.
const KEY = 'grx_live_OTELkey_0123456789abcdef';
const fast = { baseDelayMs: 1, maxDelayMs: 5, random: () => 0 };
const exporter = new InMemorySpanExporter();
const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
const tracer = provider.getTracer('faultline-test');

let api: TestServer;
useTwoServers((a) => {
  api = a;
});
afterEach(() => exporter.reset());

const client = (extra = {}) => createClient({ adapter: genrex, apiKey: KEY, baseUrl: `${api.origin}/v1`, retry: fast, hooks: otelHooks({ tracer }), ...extra });
const spans = () => exporter.getFinishedSpans();
const internal = () => spans().filter((s) => s.kind === SpanKind.INTERNAL);
const clientSpans = () => spans().filter((s) => s.kind === SpanKind.CLIENT);
const parentId = (s: ReadableSpan) => s.parentSpanContext?.spanId;

describe('otelHooks with the OpenTelemetry SDK', () => {
  it('one INTERNAL span per call, one CLIENT span per attempt as its child, with the HTTP conventions', async () => {
    api.answer(reply(503, { 'retry-after': '0' }, ''), ok({ id: 'doc_1' }));
    expect((await client().request('/document/doc_1', { query: { expand: 'steps' } })).isOk()).toBe(true);
    const [call] = internal();
    const [first, second] = clientSpans();
    expect(internal()).toHaveLength(1);
    expect(clientSpans()).toHaveLength(2);
    expect(call!.name).toBe('faultline GET');
    expect(call!.status.code).toBe(SpanStatusCode.UNSET);
    expect(call!.attributes).toMatchObject({ 'faultline.provider': 'genrex', 'faultline.attempts': 2 });
    for (const attempt of [first!, second!]) {
      expect(parentId(attempt)).toBe(call!.spanContext().spanId);
      expect(attempt.spanContext().traceId).toBe(call!.spanContext().traceId);
      expect(attempt.name).toBe('GET');
      expect(attempt.attributes).toMatchObject({
        'http.request.method': 'GET',
        'server.address': '127.0.0.1',
        'server.port': Number(new URL(api.origin).port),
        'url.full': `${api.origin}/v1/document/doc_1?expand=steps`,
      });
    }
    expect(first!.attributes['http.response.status_code']).toBe(503);
    expect(first!.attributes['error.type']).toBe('503');
    expect(first!.attributes['faultline.kind']).toBe('server');
    expect(first!.status.code).toBe(SpanStatusCode.ERROR);
    expect(first!.attributes['http.request.resend_count']).toBeUndefined();
    expect(second!.attributes['http.request.resend_count']).toBe(1);
    expect(second!.attributes['http.response.status_code']).toBe(200);
    expect(second!.status.code).toBe(SpanStatusCode.UNSET);
    expect(second!.attributes['error.type']).toBeUndefined();
  });

  it('a 4xx: ERROR on both spans, error.type the status on the attempt and the kind on the call, faultline.* set', async () => {
    api.answer(reply(429, { 'retry-after': '3600', 'x-request-id': 'req_9', 'content-type': 'application/json' }, JSON.stringify({ success: false, error: { code: 'RATE_LIMIT_EXCEEDED', message: 'slow' } })));
    await client().request('/document/create', { method: 'POST', body: {} });
    const [call] = internal();
    const [attempt] = clientSpans();
    expect(attempt!.attributes).toMatchObject({ 'error.type': '429', 'http.response.status_code': 429, 'http.request.method': 'POST' });
    expect(call!.status).toMatchObject({ code: SpanStatusCode.ERROR });
    expect(call!.attributes).toMatchObject({
      'error.type': 'rate_limited',
      'faultline.kind': 'rate_limited',
      'faultline.code': 'RATE_LIMIT_EXCEEDED',
      'faultline.outcome': 'rejected',
      'faultline.retryable': true,
      'faultline.retry_after_ms': 3_600_000,
      'faultline.request_id': 'req_9',
      'faultline.attempts': 1,
    });
  });

  it('a network failure has no status code and error.type network; an abort leaves the call UNSET', async () => {
    const dead = await createClient({ adapter: genrex, apiKey: KEY, baseUrl: 'http://127.0.0.1:9/v1', retry: false, hooks: otelHooks({ tracer }) }).request('/x');
    expect(dead.isErr()).toBe(true);
    const [attempt] = clientSpans();
    expect(attempt!.attributes['http.response.status_code']).toBeUndefined();
    expect(attempt!.attributes['error.type']).toBe('network');
    expect(attempt!.status.code).toBe(SpanStatusCode.ERROR);
    exporter.reset();

    api.answer((_req, res) => setTimeout(() => ok({})(_req, res), 500));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 20);
    await client().request('/x', { signal: controller.signal });
    const [call] = internal();
    expect(call!.attributes['error.type']).toBe('aborted');
    expect(call!.status.code).toBe(SpanStatusCode.UNSET);
  });

  it('a job wait is one call span over every poll', async () => {
    api.answer(ok({ id: 'd1', status: 'researching' }), reply(503, { 'retry-after': '0' }, ''), ok({ id: 'd1', status: 'completed' }));
    expect((await client().waitForJob('/document/d1', { intervalMs: 5, maxIntervalMs: 5 })).isOk()).toBe(true);
    const [call] = internal();
    expect(call!.name).toBe('faultline waitForJob');
    expect(clientSpans()).toHaveLength(3);
    expect(clientSpans().every((s) => parentId(s) === call!.spanContext().spanId)).toBe(true);
    // A new poll is not a resend; a poll's retry is.
    expect(clientSpans().map((s) => s.attributes['http.request.resend_count'])).toEqual([undefined, undefined, 1]);
    expect(call!.attributes['faultline.attempts']).toBe(3);
  });

  it('no attribute, event or status message holds the API key, even when a server echoes it or a query carries it', async () => {
    api.answer(reply(401, { 'content-type': 'application/json', 'x-request-id': KEY }, JSON.stringify({ success: false, error: { code: 'INVALID_API_KEY', message: `bad key ${KEY}` } })));
    await client().request('/x', { query: { api_key: KEY } });
    const text = JSON.stringify(spans().map((s) => ({ name: s.name, attributes: s.attributes, events: s.events, status: s.status })));
    expect(text).toContain('INVALID_API_KEY');
    for (const run of keyRuns(KEY)) expect(text).not.toContain(run);
  });

  it('hooks that throw are ignored; a client without hooks makes no spans', async () => {
    const hooks = { onRequestStart: () => { throw new Error('x'); }, onAttemptEnd: () => { throw new Error('y'); }, onRequestEnd: () => { throw new Error('z'); } };
    expect((await createClient({ adapter: genrex, apiKey: KEY, baseUrl: `${api.origin}/v1`, hooks }).request('/x')).isOk()).toBe(true);
    await createClient({ adapter: genrex, apiKey: KEY, baseUrl: `${api.origin}/v1` }).request('/x');
    expect(spans()).toHaveLength(0);
  });
});
