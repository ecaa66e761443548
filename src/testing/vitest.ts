// faultline/testing/vitest: matchers for Results, so tests need no `_unsafeUnwrap`. Importing this
// module registers them (`import 'faultline/testing/vitest'` in a test or a setup file). vitest is
// an optional peer dependency.
import { expect } from 'vitest';
import type { ErrorKind, ErrorResult } from '../errors/error-result.js';

interface ResultLike {
  isOk(): boolean;
  isErr(): boolean;
  value?: unknown;
  error?: unknown;
}

const isResult = (value: unknown): value is ResultLike =>
  value !== null && typeof value === 'object' && typeof (value as ResultLike).isOk === 'function' && typeof (value as ResultLike).isErr === 'function';

const show = (value: unknown): string => {
  try {
    return JSON.stringify(value)?.slice(0, 400) ?? String(value);
  } catch {
    return String(value);
  }
};

function describeResult(received: unknown): string {
  if (!isResult(received)) return `not a Result: ${show(received)}`;
  if (received.isOk()) return `ok(${show(received.value)})`;
  const error = received.error as Partial<ErrorResult> | undefined;
  return `err(${error?.kind ?? '?'}/${error?.code ?? '?'}: ${String(error?.message ?? '').slice(0, 200)})`;
}

function errorOf(received: unknown): Partial<ErrorResult> | undefined {
  return isResult(received) && received.isErr() ? (received.error as Partial<ErrorResult>) : undefined;
}

/** The matchers, for `expect.extend` in a setup of your own. */
export const faultlineMatchers = {
  toBeOk(received: unknown) {
    const pass = isResult(received) && received.isOk();
    return { pass, message: () => (pass ? `expected not ok, got ${describeResult(received)}` : `expected ok, got ${describeResult(received)}`) };
  },
  toBeErr(received: unknown) {
    const pass = errorOf(received) !== undefined;
    return { pass, message: () => (pass ? `expected no err, got ${describeResult(received)}` : `expected an err, got ${describeResult(received)}`) };
  },
  toBeErrKind(received: unknown, kind: ErrorKind) {
    const pass = errorOf(received)?.kind === kind;
    return { pass, message: () => `expected ${pass ? 'not ' : ''}err of kind ${kind}, got ${describeResult(received)}` };
  },
  toBeErrCode(received: unknown, code: string) {
    const pass = errorOf(received)?.code === code;
    return { pass, message: () => `expected ${pass ? 'not ' : ''}err with code ${code}, got ${describeResult(received)}` };
  },
};

expect.extend(faultlineMatchers);

declare module 'vitest' {
  interface Matchers<T = any> {
    /** A Result that is `ok`. */
    toBeOk(): void;
    /** A Result that is `err`. */
    toBeErr(): void;
    /** A Result that is `err` with an ErrorResult of this kind. */
    toBeErrKind(kind: ErrorKind): void;
    /** A Result that is `err` with an ErrorResult of this code. */
    toBeErrCode(code: string): void;
  }
}
