/**
 * policy: the decisions, as data. One table shared by every provider, (provider, code) -> kind,
 * retryable, hint, step, with fallbacks by status and by kind; createPolicy merges overrides.
 */
export {
  type CodeRow,
  type KindRow,
  type PolicyDecision,
  type PolicyTable,
  type StatusRow,
  policyTable,
} from './policy-table.js';
export { type Policy, type PolicyOverrides, type PolicyQuery, createPolicy, defaultPolicy } from './policy.js';
