import type { BuiltInProvider } from '../../adapters/index.js';
import type { ErrorKind } from '../errors/error-result.js';
import { type FixtureName, fixtureFiles } from './fixture-files.js';

export type { FixtureName };

/** The fixture names of one provider: `FixtureNameOf<'gen'>` is `'unauthorized' | ...`. */
export type FixtureNameOf<P extends BuiltInProvider> = FixtureName extends infer R ? (R extends `${P}/${infer N}` ? N : never) : never;

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** What the library must make of a fixture's response. */
export type FixtureExpectation =
  | { ok: true }
  | { ok: false; kind: ErrorKind; code: string; retryable: boolean; step?: string };

/** One recorded or documented provider response and the result it must give. */
export interface Fixture {
  provider: BuiltInProvider;
  name: string;
  description: string;
  /** The provider's own error page documents this response (a row, a retry rule or an example). */
  documented: boolean;
  response: {
    status: number;
    headers: Record<string, string>;
    /** A JSON body. */
    body?: JsonValue;
    /** A raw text body (HTML, truncated JSON, empty); wins over `body`. */
    text?: string;
  };
  expected: FixtureExpectation;
}

const all = fixtureFiles as readonly Fixture[];

/** Every fixture, in a stable order. */
export const allFixtures: readonly Fixture[] = all;

/** Fixtures by provider and name: `fixtures.gen['unauthorized']`, `fixtures.genrex['job-failed-images']`. */
export const fixtures: { readonly [P in BuiltInProvider]: Readonly<Record<FixtureNameOf<P>, Fixture>> } = byProvider(all);

function byProvider(list: readonly Fixture[]): { [P in BuiltInProvider]: Record<FixtureNameOf<P>, Fixture> } {
  const out = {} as Record<BuiltInProvider, Record<string, Fixture>>;
  for (const f of list) (out[f.provider] ??= {})[f.name] = f;
  return out as { [P in BuiltInProvider]: Record<FixtureNameOf<P>, Fixture> };
}

/** A fixture by provider and name; throws with the known names when there is none (a test bug). */
export function getFixture<P extends BuiltInProvider>(provider: P, name: FixtureNameOf<P>): Fixture {
  const byName = fixtures[provider] as Readonly<Record<string, Fixture>> | undefined;
  const fixture = byName !== undefined && Object.hasOwn(byName, name) ? byName[name] : undefined;
  if (fixture === undefined) {
    throw new Error(`faultline: no ${provider} fixture named "${name}". Known: ${Object.keys(byName ?? {}).join(', ')}`);
  }
  return fixture;
}

/**
 * A fixture by its `"provider/name"` reference, as scripted answers and faults name it. A name that
 * is not one throws, naming the known ones: a typo is a test bug, never a retryable network error.
 */
export function fixtureNamed(ref: FixtureName): Fixture {
  const text = String(ref);
  const slash = text.indexOf('/');
  const provider = text.slice(0, slash) as BuiltInProvider;
  if (slash < 0 || !Object.hasOwn(fixtures, provider)) {
    throw new Error(`faultline: no fixture "${text}": fixtures are named "provider/name" with a provider of ${Object.keys(fixtures).join(', ')}`);
  }
  return getFixture(provider, text.slice(slash + 1) as FixtureNameOf<typeof provider>);
}

/** The fixture's body as `normalize` and `classify` take it: the raw text, the JSON value, or undefined. */
export function fixtureBody(fixture: Fixture): unknown {
  return fixture.response.text ?? fixture.response.body;
}

/** The fixture's body as bytes on the wire. */
export function fixtureBodyText(fixture: Fixture): string {
  return cannedWire(fixture.response).text;
}

/** A scripted response: `text` wins over `body`, which is sent as JSON. */
export interface CannedResponse {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  text?: string;
}

/** What a canned response puts on the wire: a JSON `body` gets a JSON content-type unless its headers name one. */
export function cannedWire(canned: CannedResponse): { status: number; headers: Record<string, string>; text: string } {
  const headers = { ...canned.headers };
  const json = canned.text === undefined && canned.body !== undefined;
  if (json && !Object.keys(headers).some((name) => name.toLowerCase() === 'content-type')) headers['content-type'] = 'application/json';
  return { status: canned.status, headers, text: canned.text ?? (json ? JSON.stringify(canned.body) : '') };
}

const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/** A `Response`, with no body at all when the text is empty or the status allows none. */
export function responseOf(status: number, headers: Record<string, string>, text: string): Response {
  return new Response(NULL_BODY_STATUSES.has(status) || text === '' ? null : text, { status, headers });
}

/** A real `Response` with the fixture's status, headers and body. */
export function toResponse(fixture: Fixture): Response {
  const { status, headers, text } = cannedWire(fixture.response);
  return responseOf(status, headers, text);
}
