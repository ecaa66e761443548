import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lenientShape, preciseShape } from '../../src/classify/body-shape.js';
import { validateSync } from '../../src/classify/standard-schema.js';
import { RUNS } from '../property/arbitraries.js';

const shape = { success: 'boolean', id: 'string', error: { code: 'string', step: 'string' } } as const;
const precise = preciseShape(shape);
const lenient = lenientShape(shape);

const value = fc.oneof(fc.string(), fc.boolean(), fc.integer(), fc.constant(null), fc.constant(undefined));
const body = fc.oneof(
  fc.record({ success: value, id: value, error: fc.oneof(value, fc.record({ code: value, step: value, extra: value }, { requiredKeys: [] })), other: value }, { requiredKeys: [] }),
  fc.anything(),
);

describe('body shapes: one declaration, two schemas', () => {
  it('the precise schema accepts exactly the bodies whose fields all have their types; the lenient one then reads the same fields', () => {
    fc.assert(
      fc.property(body, (b) => {
        const fast = validateSync(precise, b);
        const slow = validateSync(lenient, b) as Record<string, unknown> | undefined;
        if (fast === undefined) return;
        expect(slow).toBeDefined();
        for (const field of ['success', 'id'] as const) expect(slow![field]).toBe(fast[field]);
        expect((slow!.error as { code?: unknown } | undefined)?.code).toBe(fast.error?.code);
        expect((slow!.error as { step?: unknown } | undefined)?.step).toBe(fast.error?.step);
      }),
      { numRuns: Math.min(RUNS, 2000) },
    );
  });

  it('a wrong type fails the precise schema; the lenient one keeps the other fields', () => {
    const b = { success: 'no', id: 'j1', error: { code: 42, step: 'images' } };
    expect(validateSync(precise, b)).toBeUndefined();
    expect(validateSync(lenient, b)).toEqual({ success: undefined, id: 'j1', error: { code: undefined, step: 'images' } });
    expect(validateSync(precise, [])).toBeUndefined();
    expect(validateSync(precise, null)).toBeUndefined();
    expect(validateSync(precise, { error: null })).toBeUndefined();
    expect(validateSync(precise, {})).toEqual({});
  });
});
