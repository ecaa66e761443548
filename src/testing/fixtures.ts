import type { BuiltInProvider } from '../../adapters/index.js';
import type { ErrorKind } from '../errors/error-result.js';
import { fixtureFiles } from './fixture-files.js';

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
export const fixtures: Readonly<Record<BuiltInProvider, Readonly<Record<string, Fixture>>>> = byProvider(all);

function byProvider(list: readonly Fixture[]): Record<BuiltInProvider, Record<string, Fixture>> {
  const out = {} as Record<BuiltInProvider, Record<string, Fixture>>;
  for (const f of list) (out[f.provider] ??= {})[f.name] = f;
  return out;
}

/** A fixture by provider and name; throws with the known names when there is none (a test bug). */
export function getFixture(provider: Fixture['provider'], name: string): Fixture {
  const fixture = fixtures[provider]?.[name];
  if (fixture === undefined) {
    throw new Error(`No ${provider} fixture named "${name}". Known: ${Object.keys(fixtures[provider] ?? {}).join(', ')}`);
  }
  return fixture;
}

/** A fixture by its `"provider/name"` reference, as scripted answers and faults name it. */
export function fixtureNamed(ref: `${Fixture['provider']}/${string}`): Fixture {
  const slash = ref.indexOf('/');
  return getFixture(ref.slice(0, slash) as Fixture['provider'], ref.slice(slash + 1));
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
