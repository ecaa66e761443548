import { version as packageVersion } from '../../package.json';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { type BuiltInProvider, builtInAdapters } from '../../adapters/index.js';
import { parseCapture } from './http-capture.js';
import { classify } from '../classify/classify.js';
import type { ErrorResult } from '../errors/error-result.js';
import { normalizeParsed } from '../classify/normalize.js';
import { parseBody } from '../classify/parse-body.js';
import { startFakeServer } from '../testing/fake-server.js';
import { mergeServerOptions, serverScenarios } from '../testing/server-scenarios.js';

const PROVIDERS = Object.keys(builtInAdapters) as BuiltInProvider[];

const CLASSIFY_USAGE = `Usage: faultline classify --provider ${PROVIDERS.join('|')}|auto [--status N] [--header 'Name: value']... [--pretty] [file|-]
  Reads a captured response (a file, or stdin for - or no file) and prints its ErrorResult as JSON.
  The capture may be what curl -i prints (status line, headers, a blank line, the body; with -L the
  last response counts) or a bare body. --status and --header add to or override the capture's.
  Without a status, an error-shaped body is classified from its code alone; anything else is reported
  as not an error. A success status with a success body prints {"ok": true, ...}.
  --provider auto picks the provider whose error shape the body has, and says which on stderr.
  --pretty prints one aligned "field  value" line per field instead of JSON.`;

const SERVE_USAGE = `Usage: faultline serve [--port N] [--scenario NAME]...
  Runs the fake GEN and GenRex server on 127.0.0.1 until interrupted (--port 0 or none: a free port).
  Scenarios: ${Object.keys(serverScenarios).join(', ')}.`;

const USAGE = `Usage:
  faultline classify --provider ${PROVIDERS.join('|')}|auto [--status N] [--header 'Name: value']... [--pretty] [file|-]
  faultline serve [--port N] [--scenario NAME]...
  faultline --help | --version
  faultline <command> --help    what a command does and its options`;

class UsageError extends Error {
  constructor(
    message: string,
    /** The usage to print after the one line: the command's own. */
    readonly usage = USAGE,
  ) {
    super(message);
  }
}


/** Runs the CLI; returns the exit code. Output goes through the given writers so tests can capture it. */
export async function runCli(
  argv: readonly string[],
  io: { stdout: (s: string) => void; stderr: (s: string) => void; stdin: () => Promise<string> } = defaultIo(),
): Promise<number> {
  try {
    const [command, ...rest] = argv;
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      io.stdout(`${USAGE}\n`);
      return command === undefined ? 2 : 0;
    }
    if (command === '--version' || command === '-v') {
      io.stdout(`${VERSION}\n`);
      return 0;
    }
    const commands: Record<string, [string, typeof classifyCommand]> = { classify: [CLASSIFY_USAGE, classifyCommand], serve: [SERVE_USAGE, serveCommand] };
    const known = Object.hasOwn(commands, command) ? commands[command] : undefined;
    if (known === undefined) throw new UsageError(`unknown command "${command}"`);
    const [usage, run] = known;
    if (rest.includes('--help') || rest.includes('-h')) {
      io.stdout(`${usage}\n`);
      return 0;
    }
    try {
      return await run(rest, io);
    } catch (error) {
      // A bad flag of this command: one line, then this command's usage.
      if (isParseArgsError(error)) throw new UsageError((error as Error).message.split('\n')[0]!, usage);
      if (error instanceof UsageError && error.usage === USAGE) throw new UsageError(error.message, usage);
      throw error;
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`faultline: ${error.message.split('\n')[0]}\n${error.usage}\n`);
      return 2;
    }
    io.stderr(`faultline: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

async function classifyCommand(argv: readonly string[], io: Parameters<typeof runCli>[1] & object): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      provider: { type: 'string', short: 'p' },
      status: { type: 'string', short: 's' },
      header: { type: 'string', short: 'H', multiple: true },
      pretty: { type: 'boolean' },
    },
  });
  const provider = values.provider;
  if (provider === undefined) throw new UsageError(`--provider is required (${PROVIDERS.join(', ')}, auto)`);
  if (provider !== 'auto' && !Object.hasOwn(builtInAdapters, provider)) throw new UsageError(`unknown provider "${provider}" (${PROVIDERS.join(', ')}, auto)`);
  let status: number | undefined;
  if (values.status !== undefined) {
    status = Number(values.status);
    if (!/^\d{3}$/.test(values.status) || status < 100 || status > 599) throw new UsageError(`--status must be an HTTP status from 100 to 599, got "${values.status}"`);
  }
  const flagHeaders: Record<string, string> = {};
  for (const header of values.header ?? []) {
    const colon = header.indexOf(':');
    if (colon <= 0) throw new UsageError(`--header must look like 'Name: value', got "${header}"`);
    flagHeaders[header.slice(0, colon).trim().toLowerCase()] = header.slice(colon + 1).trim();
  }
  if (positionals.length > 1) throw new UsageError('give at most one body file');
  const file = positionals[0];
  let text: string;
  try {
    text = file === undefined || file === '-' ? await io.stdin() : readFileSync(file, 'utf8');
  } catch (error) {
    io.stderr(`faultline: cannot read ${file ?? 'stdin'}: ${(error as NodeJS.ErrnoException).code ?? String(error)}\n`);
    return 1;
  }
  const print = (value: ErrorResult | Record<string, unknown>) =>
    io.stdout(`${values.pretty === true ? prettyBlock(value) : JSON.stringify(value)}\n`);

  // A curl -i capture brings its status and headers; the flags add to or override them.
  const capture = parseCapture(text);
  if (capture !== undefined) {
    text = capture.body;
    status ??= capture.status;
  }
  const headers = { ...capture?.headers, ...flagHeaders };
  let name = provider as BuiltInProvider;
  if (provider === 'auto') {
    // Each adapter knows its own shape; the first that recognizes the body is picked.
    const body = parseBody(text);
    const found = PROVIDERS.map((p) => [p, builtInAdapters[p].recognize(body, headers)] as const).find(([, why]) => why !== undefined);
    if (found === undefined) throw new UsageError(`--provider auto: this body has none of the known error shapes; name one (${PROVIDERS.join(', ')})`);
    io.stderr(`faultline: --provider auto: ${found[0]} (${found[1]})\n`);
    name = found[0];
  }
  const adapter = builtInAdapters[name];

  if (status === undefined) {
    const body = parseBody(text);
    const facts = adapter.readError(body);
    const errorShaped = facts?.code !== undefined || facts?.message !== undefined || facts?.jobFailed === true || adapter.isFailure(body);
    if (!errorShaped) {
      io.stderr('faultline: no --status given and the body is not an error shape: nothing to classify\n');
      print({ ok: true, note: 'no --status given; the body is not an error' });
      return 0;
    }
    io.stderr('faultline: no --status given: classified from the body alone\n');
    print(normalizeParsed(adapter, undefined, headers, body, {}));
    return 0;
  }
  const result = classify(adapter, { status, headers, body: text });
  if (result.isOk()) {
    io.stderr(`faultline: HTTP ${status} with this body is a success: nothing to classify\n`);
    print({ ok: true, status });
    return 0;
  }
  print(result.error);
  return 0;
}

async function serveCommand(argv: readonly string[], io: Parameters<typeof runCli>[1] & object): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: false,
    options: { port: { type: 'string' }, scenario: { type: 'string', multiple: true } },
  });
  void positionals;
  let port = 0;
  if (values.port !== undefined) {
    port = Number(values.port);
    if (!/^\d+$/.test(values.port) || port > 65535) throw new UsageError(`--port must be a number from 0 to 65535, got "${values.port}"`);
  }
  const presets = (values.scenario ?? []).map((name) => {
    const preset = serverScenarios[name];
    if (preset === undefined) throw new UsageError(`unknown scenario "${name}"; known: ${Object.keys(serverScenarios).join(', ')}`);
    return preset.options;
  });
  const server = await startFakeServer({ ...mergeServerOptions(presets), port });
  io.stdout(`faultline fake GEN + GenRex server at ${server.baseUrl}\n`);
  io.stdout(`  GEN key:    X-API-Key: gen_test_key_0123456789\n  GenRex key: Authorization: Bearer grx_sk_test_0123456789\n`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  return 0;
}

function prettyBlock(value: object): string {
  const entries = Object.entries(value);
  const width = Math.max(...entries.map(([k]) => k.length));
  return entries.map(([k, v]) => `${k.padEnd(width)}  ${typeof v === 'string' ? v : JSON.stringify(v)}`).join('\n');
}

function isParseArgsError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}

// Inlined at build time: the bin reads no file to know its own version.
const VERSION = packageVersion;

function defaultIo() {
  return {
    stdout: (s: string) => process.stdout.write(s),
    stderr: (s: string) => process.stderr.write(s),
    stdin: async () => {
      if (process.stdin.isTTY) throw new UsageError('no body: give a file, or pipe one to stdin');
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
  };
}
