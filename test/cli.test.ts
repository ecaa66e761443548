import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/cli.js';

async function cli(args: string[], stdin = '') {
  let out = '';
  let errText = '';
  const code = await runCli(args, { stdout: (s) => (out += s), stderr: (s) => (errText += s), stdin: async () => stdin });
  return { code, out, err: errText };
}

const dir = mkdtempSync(join(tmpdir(), 'faultline-cli-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('faultline classify', () => {
  it('prints the ErrorResult of a captured body as JSON', async () => {
    const path = file('gen.json', '{"error":"No active GEN credits","error_code":"usable_gen_credit_required"}');
    const r = await cli(['classify', '--provider', 'gen', '--status', '422', path]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ kind: 'insufficient_credits', code: 'usable_gen_credit_required', status: 422 });
  });

  it('reads stdin and headers, and prints a readable block with --pretty', async () => {
    const r = await cli(['classify', '-p', 'genrex', '-s', '429', '-H', 'Retry-After: 5', '--pretty', '-'], '{"success":false,"error":{"code":"RATE_LIMIT_EXCEEDED","message":"slow down"}}');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^kind\s+rate_limited$/m);
    expect(r.out).toMatch(/^retryAfterMs\s+5000$/m);
  });

  it('without --status classifies an error-shaped body from its code, and says so', async () => {
    const job = '{"success":false,"id":"j","status":"failed","error":{"step":"audio","code":"AUDIO_GENERATION_ERROR","message":"x"}}';
    const r = await cli(['classify', '--provider', 'genrex'], job);
    expect(JSON.parse(r.out)).toMatchObject({ kind: 'generation_failed', step: 'audio' });
    expect(r.err).toContain('no --status given');
    const plain = await cli(['classify', '--provider', 'genrex'], '{"success":true,"id":"j"}');
    expect(JSON.parse(plain.out)).toMatchObject({ ok: true });
    expect(plain.err).toContain('nothing to classify');
  });

  it('says plainly when a status and body are a success', async () => {
    const r = await cli(['classify', '--provider', 'gen', '--status', '200'], '{"id":"user_1"}');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual({ ok: true, status: 200 });
    expect(r.err).toContain('success');
  });

  it.each([
    [['classify', '--provider', 'nope', '--status', '500'], 'unknown provider'],
    [['classify', '--status', '500'], '--provider is required'],
    [['classify', '--provider', 'gen', '--status', 'abc'], '--status must be'],
    [['classify', '--provider', 'gen', '--bogus'], 'Unknown option'],
    [['classify', '--provider', 'gen', '-H', 'nocolon'], '--header must'],
    [['serve', '--scenario', 'nope'], 'unknown scenario'],
    [['serve', '--bogus'], 'Unknown option'],
    [['frobnicate'], 'unknown command'],
  ])('bad usage %j: one clean line, then the usage, on stderr; exit 2', async (args, message) => {
    const r = await cli(args);
    expect(r.code).toBe(2);
    const [first, ...usage] = r.err.trim().split('\n');
    expect(first).toContain(message);
    expect(first).toMatch(/^faultline: /);
    expect(usage[0]).toMatch(/^Usage/);
    // The usage of the command that was misused; the general one for an unknown command.
    expect(usage[0]).toContain(args[0] === 'frobnicate' ? 'Usage:' : `faultline ${args[0]}`);
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(r.out).toBe('');
  });

  it('--help of each command prints what it does, exit 0', async () => {
    const classify = await cli(['classify', '--help']);
    expect(classify.code).toBe(0);
    expect(classify.out).toMatch(/^Usage: faultline classify --provider gen\|genrex\|openai\|anthropic\|problem-json\|auto/);
    expect(classify.out).toContain('curl -i');
    expect(classify.out).toContain('--pretty prints');
    const serve = await cli(['serve', '-h']);
    expect(serve.code).toBe(0);
    expect(serve.out).toMatch(/^Usage: faultline serve/);
    const top = await cli(['--help']);
    expect(top.out).toContain('faultline <command> --help');
  });

  it('reads a curl -i capture: status line, headers, blank line, body; the last response of -L', async () => {
    const capture = [
      'HTTP/1.1 307 Temporary Redirect',
      'Location: https://api.genrex.io/v1/document/create',
      '',
      'HTTP/2 429 ',
      'content-type: application/json',
      'retry-after: 7',
      'x-request-id: req_capture',
      '',
      '{"success":false,"error":{"code":"RATE_LIMIT_EXCEEDED","message":"slow down"}}',
    ].join('\r\n');
    const r = await cli(['classify', '--provider', 'genrex', file('capture.txt', capture)]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ kind: 'rate_limited', status: 429, retryAfterMs: 7000, requestId: 'req_capture' });
    // Flags override the capture.
    const overridden = await cli(['classify', '--provider', 'genrex', '--status', '503', '-H', 'Retry-After: 1', '-'], capture);
    expect(JSON.parse(overridden.out)).toMatchObject({ status: 503, retryAfterMs: 1000 });
  });

  it('--provider auto picks the adapter whose shape the body has, and says which', async () => {
    const cases: [string, string, string][] = [
      ['HTTP/1.1 529 \n\n{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"},"request_id":"r"}', 'anthropic', 'overloaded_error'],
      ['HTTP/1.1 429 Too Many Requests\n\n{"error":{"message":"quota","type":"insufficient_quota","param":null,"code":"insufficient_quota"}}', 'openai', 'insufficient_quota'],
      ['HTTP/1.1 422 \n\n{"error":"No credits","error_code":"usable_gen_credit_required"}', 'gen', 'usable_gen_credit_required'],
      ['HTTP/1.1 402 \n\n{"success":false,"error":{"code":"INSUFFICIENT_CREDITS","message":"x"}}', 'genrex', 'INSUFFICIENT_CREDITS'],
      ['HTTP/1.1 403 Forbidden\ncontent-type: application/problem+json\n\n{"type":"https://example.com/probs/out-of-credit","title":"No credit"}', 'problem-json', 'https://example.com/probs/out-of-credit'],
    ];
    for (const [capture, provider, code] of cases) {
      const r = await cli(['classify', '--provider', 'auto'], capture);
      expect(r.code, provider).toBe(0);
      expect(JSON.parse(r.out), provider).toMatchObject({ provider, code });
      expect(r.err).toContain(`--provider auto: ${provider} (`);
    }
    const none = await cli(['classify', '--provider', 'auto', '--status', '500'], '<html>oops</html>');
    expect(none.code).toBe(2);
    expect(none.err).toContain('none of the known error shapes');
  });

  it('an unreadable file: one line, exit 1', async () => {
    const r = await cli(['classify', '--provider', 'gen', '--status', '500', join(dir, 'missing.json')]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('ENOENT');
  });

  it('the installed bin runs: exit codes and output through a real process', () => {
    const bin = new URL('../dist/bin.js', import.meta.url).pathname;
    const ok = execFileSync(process.execPath, [bin, 'classify', '--provider', 'gen', '--status', '502'], { input: '<html>bad gateway</html>', encoding: 'utf8' });
    expect(JSON.parse(ok)).toMatchObject({ kind: 'server', code: 'http_502', message: 'Bad Gateway' });
    const bad = spawnSync(process.execPath, [bin, 'classify', '--provider', 'nope'], { encoding: 'utf8', input: '' });
    expect(bad.status).toBe(2);
    expect(bad.stderr.split('\n')[0]).toBe('faultline: unknown provider "nope" (gen, genrex, openai, anthropic, problem-json, auto)');
    const capture = file('bin-capture.txt', 'HTTP/1.1 401 Unauthorized\r\nrequest-id: req_1\r\n\r\n{"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key"}}');
    const auto = spawnSync(process.execPath, [bin, 'classify', '--provider', 'auto', capture], { encoding: 'utf8' });
    expect(auto.status).toBe(0);
    expect(JSON.parse(auto.stdout)).toMatchObject({ provider: 'anthropic', kind: 'authentication', requestId: 'req_1' });
    const help = spawnSync(process.execPath, [bin, 'classify', '--help'], { encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage: faultline classify/);
  });

  it('serve starts the fake server and stops on SIGTERM', async () => {
    const bin = new URL('../dist/bin.js', import.meta.url).pathname;
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, [bin, 'serve', '--scenario', 'flaky']);
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        const m = /(http:\/\/127\.0\.0\.1:\d+\/v1)/.exec(String(d));
        if (m) resolve(m[1]!);
      });
      child.on('exit', () => reject(new Error('exited early')));
    });
    const first = await fetch(`${url}/me`, { headers: { 'x-api-key': 'gen_test_key_0123456789' } });
    expect(first.status).toBe(503);
    const exited = new Promise((r) => child.on('exit', r));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});

describe('recognizing a provider from its body (each adapter knows its own shape)', () => {
  it("every documented error fixture with a JSON body is recognized as its own provider's, first", async () => {
    const { builtInAdapters } = await import('../adapters/index.js');
    const { allFixtures } = await import('../src/testing/index.js');
    const names = Object.keys(builtInAdapters) as (keyof typeof builtInAdapters)[];
    const documented = allFixtures.filter((f) => f.documented && !f.expected.ok && f.response.body !== null && typeof f.response.body === 'object');
    expect(documented.length).toBeGreaterThan(40);
    for (const f of documented) {
      const headers = Object.fromEntries(Object.entries(f.response.headers).map(([k, v]) => [k.toLowerCase(), v]));
      const first = names.find((n) => builtInAdapters[n].recognize(f.response.body, headers) !== undefined);
      expect(first, `${f.provider}/${f.name}`).toBe(f.provider);
    }
  });

  it('never throws, and recognizes nothing in junk', async () => {
    const { builtInAdapters } = await import('../adapters/index.js');
    const hostile = new Proxy({}, { get: () => { throw new Error('x'); }, has: () => { throw new Error('y'); } });
    for (const adapter of Object.values(builtInAdapters)) {
      for (const body of [undefined, null, 42, 'text', [], {}, hostile]) expect(adapter.recognize(body, {})).toBeUndefined();
    }
  });
});
