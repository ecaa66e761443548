import { type Attributes, context, type Span, SpanKind, SpanStatusCode, trace, type Tracer } from '@opentelemetry/api';
import type { ErrorResult } from '../errors/error-result.js';
import type { CallInfo, ClientHooks } from '../client/observer.js';

export interface OtelHooksOptions {
  /** Default: `trace.getTracer('faultline')` from the global tracer provider. */
  tracer?: Tracer;
}

// Where they apply: what the ErrorResult says, under faultline's own names.
function faultlineAttributes(error: ErrorResult): Attributes {
  const attributes: Attributes = {
    'faultline.kind': error.kind,
    'faultline.code': error.code,
    'faultline.retryable': error.retryable,
  };
  if (error.outcome !== undefined) attributes['faultline.outcome'] = error.outcome;
  if (error.retryAfterMs !== undefined) attributes['faultline.retry_after_ms'] = error.retryAfterMs;
  if (error.step !== undefined) attributes['faultline.step'] = error.step;
  if (error.requestId !== undefined) attributes['faultline.request_id'] = error.requestId;
  return attributes;
}

// A caller's abort is not a fault of the call: its span keeps status UNSET, as for a cancelled request.
function fail(span: Span, error: ErrorResult, errorType: string): void {
  span.setAttributes({ ...faultlineAttributes(error), 'error.type': errorType });
  if (error.kind !== 'aborted') span.setStatus({ code: SpanStatusCode.ERROR, message: error.message });
}

/**
 * Hooks that turn a client's calls into OpenTelemetry spans: one INTERNAL span per `request()` or
 * `waitForJob()` call, and one CLIENT span per HTTP attempt as its child, with the HTTP semantic
 * conventions and `faultline.*` attributes. Every value comes from an ErrorResult or the scrubbed
 * URL, so no span holds the API key. `createClient({ hooks: otelHooks({ tracer }) })`.
 */
export function otelHooks(options: OtelHooksOptions = {}): ClientHooks {
  const tracer = options.tracer ?? trace.getTracer('faultline');
  const calls = new WeakMap<CallInfo, Span>();
  const attempts = new WeakMap<CallInfo, Span>();
  return {
    onRequestStart({ call }) {
      const name = call.job ? 'faultline waitForJob' : `faultline ${call.method}`;
      calls.set(call, tracer.startSpan(name, { kind: SpanKind.INTERNAL, attributes: { 'faultline.provider': call.provider } }));
    },
    onAttemptStart({ call, resend }) {
      const parent = calls.get(call);
      const url = new URL(call.url);
      const attributes: Attributes = {
        'http.request.method': call.method,
        'server.address': url.hostname,
        'server.port': Number(url.port || (url.protocol === 'https:' ? 443 : 80)),
        'url.full': call.url,
        'faultline.provider': call.provider,
      };
      if (resend > 0) attributes['http.request.resend_count'] = resend;
      const parentContext = parent === undefined ? context.active() : trace.setSpan(context.active(), parent);
      attempts.set(call, tracer.startSpan(call.method, { kind: SpanKind.CLIENT, attributes }, parentContext));
    },
    onAttemptEnd({ call, status, error }) {
      const span = attempts.get(call);
      if (span === undefined) return;
      attempts.delete(call);
      if (status !== undefined) span.setAttribute('http.response.status_code', status);
      if (error !== undefined) fail(span, error, error.status !== undefined ? String(error.status) : error.kind);
      span.end();
    },
    onRequestEnd({ call, attempts: count, error }) {
      const span = calls.get(call);
      if (span === undefined) return;
      calls.delete(call);
      span.setAttribute('faultline.attempts', count);
      if (error !== undefined) fail(span, error, error.kind);
      span.end();
    },
  };
}
