import * as z from 'zod/mini';
import type { Schema } from './standard-schema.js';

/**
 * A provider's error body, declared once as data: each field's type, or a nested shape. Every
 * field is optional; `'string|null'` also takes JSON null (OpenAI sends `"code": null`). The two
 * schemas below are made from the same declaration.
 */
export type Shape = { readonly [field: string]: 'string' | 'string|null' | 'boolean' | Shape };

/** What a body of that shape reads as. */
export type Shaped<S extends Shape> = {
  -readonly [K in keyof S]?: S[K] extends 'string'
    ? string
    : S[K] extends 'string|null'
      ? string | null
      : S[K] extends 'boolean'
        ? boolean
        : S[K] extends Shape
          ? Shaped<S[K]>
          : never;
};

const isOf = (type: 'string' | 'string|null' | 'boolean', value: unknown): boolean =>
  type === 'string|null' ? value === null || typeof value === 'string' : typeof value === type;

/** A JSON object (not an array, not null). */
export const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

function fits(shape: Shape, value: unknown): boolean {
  if (!isRecord(value)) return false;
  for (const field in shape) {
    const type = shape[field]!;
    const got = value[field];
    if (got === undefined) continue;
    if (typeof type === 'string' ? !isOf(type, got) : !fits(type, got)) return false;
  }
  return true;
}

/**
 * The fast path, for well-formed bodies: an object whose every declared field is absent or of
 * its type. A Standard Schema written by hand rather than a zod object: zod/mini objects are
 * interpreted, and were measured 8x slower than this path must be (624 ns on a GenRex body, which
 * made `normalize` 1.6x slower). Anything it rejects goes to the lenient zod/mini schema.
 */
export function preciseShape<S extends Shape>(shape: S): Schema<Shaped<S>> {
  return {
    '~standard': {
      version: 1,
      vendor: 'faultline',
      validate: (value) => (fits(shape, value) ? { value: value as Shaped<S> } : { issues: [{ message: 'not the error shape' }] }),
    },
  };
}

/**
 * The same shape in zod/mini, each field reading as `undefined` when it is missing or of another
 * type, so one bad field does not hide the others. Each field is a transform that keeps a value
 * of its type: cheaper in a bundle than a union per field (about 0.6 KB gzip), and far cheaper
 * than `z.catch`, which pulls in zod's whole util module (about 3.5 KB). `extra` adds or
 * replaces fields with readers of their own.
 */
export function lenientShape<S extends Shape, E extends Record<string, (value: unknown) => unknown> = Record<never, never>>(
  shape: S,
  extra?: E,
): z.ZodMiniType<Omit<Shaped<S>, keyof E> & { [K in keyof E]?: ReturnType<E[K]> }> {
  const fields: Record<string, z.ZodMiniType> = {};
  for (const field in shape) fields[field] = z.optional(z.transform(lenientField(shape[field]!)));
  for (const field in extra) fields[field] = z.optional(z.transform(extra[field]!));
  return z.object(fields) as never;
}

/** The reader of one lenient field: its value when of its type (a nested shape read leniently), else `undefined`. */
export function lenientField(type: Shape[string]): (value: unknown) => unknown {
  if (typeof type === 'string') return (value) => (isOf(type, value) ? value : undefined);
  const nested = lenientShape(type);
  return (value) => (isRecord(value) ? nested.safeParse(value).data : undefined);
}

/**
 * A field that is a nested shape read leniently, or a string: proxies, gateways and compatible
 * servers send `error: "..."` where the provider sends an object.
 */
export function stringOrShape<S extends Shape>(shape: S): (value: unknown) => string | Shaped<S> | undefined {
  const nested = lenientField(shape);
  return (value) => (typeof value === 'string' ? value : (nested(value) as Shaped<S> | undefined));
}

/** Builds once, on first use: schemas cost cold-start time to construct. */
export function once<T>(build: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= build());
}
