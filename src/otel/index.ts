// faultline/otel: a client's calls as OpenTelemetry spans. @opentelemetry/api is an optional peer dependency.
export { otelHooks, type OtelHooksOptions } from './otel-hooks.js';
