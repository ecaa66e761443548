import type { ErrorKind } from '../errors/error-result.js';
import {
  type CodeRow,
  type KindRow,
  type PolicyDecision,
  type PolicyTable,
  type StatusRow,
  policyTable,
} from './policy-table.js';

/** Partial rows to merge over the table: change a field of a row, or add rows and providers. */
export interface PolicyOverrides {
  codes?: Readonly<Record<string, Readonly<Record<string, CodeRow>>>>;
  synthetic?: Readonly<Record<string, CodeRow>>;
  jobFailed?: Partial<StatusRow>;
  statuses?: Readonly<Record<string, Partial<StatusRow>>>;
  kinds?: Readonly<Partial<Record<ErrorKind, Partial<KindRow>>>>;
}

export interface PolicyQuery {
  provider: string;
  code?: string;
  status?: number;
  /** The body is a failed job's report. */
  jobFailed?: boolean;
  /** Set for errors with no response (network, timeout, aborted, invalid_response). */
  kind?: ErrorKind;
}

/** A resolved policy table, ready to answer queries. */
export interface Policy {
  /** The merged table, for rendering and inspection. Its row maps have no prototype, so any code, `__proto__` included, is plain data. */
  readonly table: PolicyTable;
  resolve(query: PolicyQuery): PolicyDecision;
}

/**
 * Builds a policy from the shared table and partial rows. Overrides merge field by field:
 * `createPolicy({ codes: { gen: { agent_not_found: { kind: 'not_found' } } } })` changes only
 * that row's kind; a row for an unknown code or provider is added.
 */
export function createPolicy(overrides: PolicyOverrides = {}, base: PolicyTable = policyTable): Policy {
  const codes = Object.create(null) as Record<string, Record<string, CodeRow>>;
  for (const source of [base.codes, overrides.codes ?? {}]) {
    for (const provider of Object.keys(source)) codes[provider] = merge(codes[provider] ?? {}, source[provider]);
  }
  const synthetic = merge(base.synthetic, overrides.synthetic);
  const statuses = merge(base.statuses, overrides.statuses);
  const kinds = merge(base.kinds, overrides.kinds) as PolicyTable['kinds'];
  const jobFailed = { ...base.jobFailed, ...overrides.jobFailed };
  const fallbackRow = statuses.default ?? { kind: 'unknown' };

  // Statuses are few; remembering each one's row spares building string keys on every lookup.
  const byStatus = new Map<number | undefined, StatusRow>();
  const statusRow = (status: number | undefined): StatusRow => {
    let row = byStatus.get(status);
    if (row === undefined) {
      row = (status === undefined ? undefined : (statuses[status] ?? statuses[`${Math.floor(status / 100)}xx`])) ?? fallbackRow;
      // Bounded: `resolve` is public and a caller may ask about any number.
      if (byStatus.size < 1000) byStatus.set(status, row);
    }
    return row;
  };

  return {
    table: { codes, synthetic, jobFailed, statuses, kinds },
    resolve(query: PolicyQuery): PolicyDecision {
      const codeRow =
        query.code === undefined ? undefined : query.kind !== undefined ? synthetic[query.code] : codes[query.provider]?.[query.code];
      const fallback: StatusRow =
        query.kind !== undefined ? { kind: query.kind } : query.jobFailed === true ? jobFailed : statusRow(query.status);
      const kind = codeRow?.kind ?? fallback.kind ?? 'unknown';
      // A code row that changes the kind makes the fallback row's other fields irrelevant.
      const middle = codeRow?.kind === undefined || codeRow.kind === fallback.kind ? fallback : undefined;
      const kindRow = kinds[kind];
      const decision: PolicyDecision = {
        kind,
        retryable: codeRow?.retryable ?? middle?.retryable ?? kindRow.retryable,
        hint: codeRow?.hint ?? middle?.hint ?? kindRow.hint,
      };
      const step = codeRow?.step ?? middle?.step;
      if (step !== undefined) decision.step = step;
      return decision;
    },
  };
}

// Rows by key, the override's fields merged over the base row's. A null-prototype object, so
// a key such as `__proto__` or `constructor` is just a key, in the table and in lookups.
function merge<Row>(base: Readonly<Record<string, Row>>, over: Readonly<Record<string, Partial<Row> | undefined>> = {}): Record<string, Row> {
  const rows = Object.create(null) as Record<string, Row>;
  for (const source of [base, over]) for (const key of Object.keys(source)) rows[key] = { ...rows[key], ...source[key] } as Row;
  return rows;
}

/** The shared table with no overrides. */
export const defaultPolicy: Policy = createPolicy();
