export interface FleetAnswer {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  delayMs?: number;
}
export interface FleetServer {
  origin: string;
  requests: { at: number; end: number | undefined }[];
  start(at: number): void;
  maxConcurrent(from?: number, to?: number): number;
  close(): Promise<void>;
}
export function startFleetServer(answer: (msSinceStart: number, index: number) => FleetAnswer): Promise<FleetServer>;
export interface WorkerReport {
  results: { at: number; ms: number; code: string; attempts?: number }[];
  ms: number;
  fallbacks: number;
}
export function runFleet(workers: number, cfg: Record<string, unknown>, options?: { leadMs?: number; server?: FleetServer; onStart?: (startAt: number) => void }): Promise<{ startAt: number; reports: WorkerReport[] }>;
