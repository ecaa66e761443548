export {
  allFixtures,
  type Fixture,
  type FixtureExpectation,
  type FixtureName,
  type FixtureNameOf,
  fixtureBody,
  fixtureBodyText,
  fixtures,
  getFixture,
  type JsonValue,
  type CannedResponse,
  toResponse,
} from './fixtures.js';
export {
  type AccountState,
  FAKE_GEN_KEY,
  FAKE_GENREX_KEY,
  type FakeServer,
  type FakeServerOptions,
  type Fault,
  type JobPlan,
  type RecordedRequest,
  startFakeServer,
} from './fake-server.js';
export { type MockAnswer } from './mock-answer.js';
export { createMockFetch, type MockCall, type MockFetch, type MockFetchOptions } from './mock-fetch.js';
export { mergeServerOptions, serverScenarios } from './server-scenarios.js';
export { createSimulator, SERVED_ROUTES, type SimAnswer, type Simulator, type SimRequest } from './simulator.js';
