/**
 * store: where a client keeps what it learns about a provider across calls: its retry budget,
 * circuit breaker and rate-limit pause. The client asks before each attempt and tells after it;
 * the memory store keeps that in this process, `faultline/redis` shares it across a fleet.
 */
export {
  type Admission,
  type AdmitQuery,
  type AttemptHealth,
  type AttemptReport,
  type BreakerChange,
  type BreakerSettings,
  type BreakerState,
  type Recorded,
  type StateStore,
  type StoreScope,
  type StoreView,
} from './state-store.js';
export { createMemoryStore, type MemoryStore, type MemoryStoreOptions } from './memory-store.js';
