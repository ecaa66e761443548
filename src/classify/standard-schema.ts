import type { StandardSchemaV1 } from '@standard-schema/spec';

/**
 * Any Standard Schema v1 validator whose output is `T`: zod 3.24+ and 4 (classic or mini),
 * valibot, arktype, effect/schema. faultline never needs to know which.
 */
export type Schema<T = unknown> = StandardSchemaV1<unknown, T>;

/** The type a schema produces. */
export type SchemaOutput<S> = S extends StandardSchemaV1<unknown, infer T> ? T : unknown;

export type Validation<T> = { ok: true; value: T } | { ok: false; issues: string } | { ok: false; thrown: unknown };

const MAX_ISSUES = 5;
const MAX_ISSUE_CHARS = 200;

/** @internal Whether a value is a Standard Schema (an arktype schema is a function, so `typeof` alone cannot tell). */
export function isSchema(value: unknown): value is Schema {
  return (typeof value === 'object' || typeof value === 'function') && value !== null && '~standard' in value;
}

/**
 * Runs a schema, synchronous or not. A schema that throws is reported as such, never as a
 * transport fault; issues become one bounded line of `path: message` pairs.
 */
export function validate<T>(schema: Schema<T>, value: unknown): Validation<T> | Promise<Validation<T>> {
  let result: StandardSchemaV1.Result<T> | Promise<StandardSchemaV1.Result<T>>;
  try {
    result = schema['~standard'].validate(value);
  } catch (thrown) {
    return { ok: false, thrown };
  }
  if (result instanceof Promise) return result.then(toValidation, (thrown: unknown) => ({ ok: false, thrown }) as const);
  return toValidation(result);
}

/**
 * @internal A synchronous schema's verdict, for adapter body shapes: `undefined` when the body
 * does not match, the schema throws, or it answers asynchronously (adapters must be synchronous).
 */
export function validateSync<T>(schema: Schema<T>, value: unknown): T | undefined {
  try {
    const result = schema['~standard'].validate(value);
    if (result instanceof Promise) {
      result.catch(() => undefined);
      return undefined;
    }
    return result.issues === undefined ? result.value : undefined;
  } catch {
    return undefined;
  }
}

function toValidation<T>(result: StandardSchemaV1.Result<T>): Validation<T> {
  if (result.issues === undefined) return { ok: true, value: result.value };
  const issues = result.issues
    .slice(0, MAX_ISSUES)
    .map((issue) => `${pathOf(issue.path)}: ${String(issue.message).slice(0, MAX_ISSUE_CHARS)}`)
    .join('; ');
  const more = result.issues.length > MAX_ISSUES ? ` (+${result.issues.length - MAX_ISSUES} more)` : '';
  return { ok: false, issues: issues + more };
}

function pathOf(path: StandardSchemaV1.Issue['path']): string {
  if (path === undefined || path.length === 0) return '(root)';
  return path
    .map((segment) => String(typeof segment === 'object' && segment !== null ? segment.key : segment))
    .join('.')
    .slice(0, MAX_ISSUE_CHARS);
}
