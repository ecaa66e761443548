import type { ErrorKind } from './error-result.js';
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
  /** The merged table, for rendering and inspection. */
  readonly table: PolicyTable;
  resolve(query: PolicyQuery): PolicyDecision;
}

/**
 * Builds a policy from the shared table and partial rows. Overrides merge field by field:
 * `createPolicy({ codes: { gen: { agent_not_found: { kind: 'not_found' } } } })` changes only
 * that row's kind; a row for an unknown code or provider is added.
 */
export function createPolicy(overrides: PolicyOverrides = {}, base: PolicyTable = policyTable): Policy {
  const codes = new Map<string, Map<string, CodeRow>>();
  for (const table of [base.codes, overrides.codes ?? {}]) {
    for (const provider of Object.keys(table)) {
      codes.set(provider, merge(codes.get(provider), table[provider]));
    }
  }
  const statuses = merge<StatusRow>(undefined, base.statuses, overrides.statuses as PolicyTable['statuses'] | undefined);
  const kinds = Object.fromEntries(merge(undefined, base.kinds, overrides.kinds as PolicyTable['kinds'] | undefined)) as PolicyTable['kinds'];
  const jobFailed = { ...base.jobFailed, ...overrides.jobFailed };
  const table: PolicyTable = {
    codes: Object.fromEntries([...codes].map(([p, rows]) => [p, Object.fromEntries(rows)])),
    jobFailed,
    statuses: Object.fromEntries(statuses),
    kinds,
  };
  const fallbackRow = statuses.get('default') ?? { kind: 'unknown' };

  // Statuses are few; remembering each one's row spares the string keys on every lookup.
  const byStatus = new Map<number, StatusRow>();
  const statusRow = (status: number | undefined): StatusRow => {
    if (status === undefined) return fallbackRow;
    let row = byStatus.get(status);
    if (row === undefined) {
      row = statuses.get(String(status)) ?? statuses.get(`${Math.floor(status / 100)}xx`) ?? fallbackRow;
      if (Number.isInteger(status) && status >= 100 && status <= 599) byStatus.set(status, row);
    }
    return row;
  };

  return {
    table,
    resolve(query: PolicyQuery): PolicyDecision {
      const codeRow = query.code === undefined ? undefined : codes.get(query.provider)?.get(query.code);
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

// Rows by key, each later source merged field by field over the earlier. A Map, so a key
// such as `__proto__` or `constructor` is just a key.
function merge<Row>(into: Map<string, Row> | undefined, ...sources: Array<Readonly<Record<string, Partial<Row>>> | undefined>): Map<string, Row> {
  const rows = new Map(into);
  for (const source of sources) {
    for (const key of Object.keys(source ?? {})) rows.set(key, { ...rows.get(key), ...source![key] } as Row);
  }
  return rows;
}

/** The shared table with no overrides. */
export const defaultPolicy: Policy = createPolicy();
