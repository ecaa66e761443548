// The built-in adapters, one folder each, listed here once: a new provider adds its line here
// (and its rows in the policy table, its fixtures in fixtures/<name>/, its subpath in package.json).
import { anthropic } from './anthropic/index.js';
import { gen } from './gen/index.js';
import { genrex } from './genrex/index.js';
import { openai } from './openai/index.js';
import { problemJson } from './problem-json/index.js';

export { anthropic, gen, genrex, openai, problemJson };
export { ProblemJsonBody, problemJsonFacts } from './problem-json/index.js';

/** @internal Every built-in adapter by its name: the CLI, the fixtures and the tests iterate it. */
export const builtInAdapters = { gen, genrex, openai, anthropic, 'problem-json': problemJson } as const;

/** The name of a built-in provider, as fixtures and the CLI name it. */
export type BuiltInProvider = keyof typeof builtInAdapters;
