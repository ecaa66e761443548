// faultline's root entry: the built-in adapters and each stage of the data flow, in its order.
export { anthropic, gen, genrex, openai, problemJson, ProblemJsonBody, problemJsonFacts } from '../adapters/index.js';
export * from './errors/index.js';
export * from './classify/index.js';
export * from './policy/index.js';
export * from './http/index.js';
export * from './client/index.js';
export * from './store/index.js';
