import * as z from 'zod/mini';

type Fields = Record<string, z.ZodMiniType>;

/** The documented fields, each optional: the fast schema that well-formed bodies pass. */
export function optionalFields<F extends Fields>(fields: F): { [K in keyof F]: z.ZodMiniOptional<F[K]> } {
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, z.optional(v)])) as {
    [K in keyof F]: z.ZodMiniOptional<F[K]>;
  };
}

/** The same fields, each reading as `undefined` when missing or of another type instead of failing the body. */
export function lenientFields<F extends Fields>(fields: F): { [K in keyof F]: z.ZodMiniCatch<z.ZodMiniOptional<F[K]>> } {
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, z.catch(z.optional(v), undefined)])) as {
    [K in keyof F]: z.ZodMiniCatch<z.ZodMiniOptional<F[K]>>;
  };
}

/** Builds once, on first call: zod schemas cost milliseconds of cold start to construct. */
export function once<T>(build: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= build());
}
