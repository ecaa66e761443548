/**
 * classify: from a raw response to an ErrorResult. An adapter (defineAdapter) reads the
 * provider's body shape into facts; normalize asks the policy table and builds the result,
 * bounded and scrubbed of secrets; classify decides success or failure; fromResponse reads a
 * Response with a size bound first. User schemas come in as Standard Schema.
 */
export {
  type Adapter,
  type AdapterDefinition,
  type BodyFacts,
  type JobState,
  type JobStatus,
  type ProviderFacts,
  defineAdapter,
} from './define-adapter.js';
export { type Schema, type SchemaOutput } from './standard-schema.js';
export { type NormalizeOptions, type ResponseInput, normalize } from './normalize.js';
export { classify } from './classify.js';
export { type FromResponseOptions, fromResponse } from './from-response.js';
export { readJobStatus } from './job-status.js';
