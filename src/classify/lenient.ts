import * as z from 'zod/mini';

type Fields = Record<string, z.ZodMiniType>;

/** The documented fields, each optional: the fast schema that well-formed bodies pass. */
export function optionalFields<F extends Fields>(fields: F): { [K in keyof F]: z.ZodMiniOptional<F[K]> } {
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, z.optional(v)])) as {
    [K in keyof F]: z.ZodMiniOptional<F[K]>;
  };
}

/** Whatever it is given, `undefined`: the last branch of a lenient union. */
export const orUndefined = (): z.ZodMiniTransform<undefined, unknown> => z.transform(() => undefined);

type Lenient<T extends z.ZodMiniType> = z.ZodMiniOptional<z.ZodMiniUnion<[T, z.ZodMiniTransform<undefined, unknown>]>>;

/**
 * The same fields, each reading as `undefined` when missing or of another type instead of failing
 * the body. A union with a catch-all branch rather than `z.catch`: zod's catch pulls in its whole
 * util namespace, about 3.5 KB gzip of a consumer's bundle.
 */
export function lenientFields<F extends Fields>(fields: F): { [K in keyof F]: Lenient<F[K]> } {
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, z.optional(z.union([v, orUndefined()]))])) as {
    [K in keyof F]: Lenient<F[K]>;
  };
}

/** Builds once, on first call: zod schemas cost milliseconds of cold start to construct. */
export function once<T>(build: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= build());
}
