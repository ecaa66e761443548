// The package as npm ships it: packed from a fresh copy of the tracked files (no dist/, so
// `prepack` must build it), installed from the tarball into an empty project, then imported
// from ESM and CJS and run as a bin. A copy, so building there never touches this tree's dist/.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const quiet = ['--no-audit', '--no-fund', '--loglevel=error'];
const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, npm_config_update_notifier: 'false' } });

describe('npm pack', () => {
  let work;
  let tarball;
  let consumer;
  let packedInfo;

  before(() => {
    work = mkdtempSync(join(tmpdir(), 'faultline-pack-'));
    const tree = join(work, 'tree');
    const files = run('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], root).split('\0').filter(Boolean);
    for (const file of files) {
      if (!existsSync(join(root, file))) continue;
      mkdirSync(dirname(join(tree, file)), { recursive: true });
      cpSync(join(root, file), join(tree, file));
    }
    symlinkSync(join(root, 'node_modules'), join(tree, 'node_modules'), 'dir');
    // Lifecycle scripts may print before npm's JSON.
    const out = run(npm, ['pack', '--json', '--pack-destination', work, ...quiet], tree);
    const packed = JSON.parse(out.slice(out.search(/^\[/m)));
    tarball = join(work, packed[0].filename);
    consumer = join(work, 'consumer');
    mkdirSync(consumer);
    writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }));
    run(npm, ['install', tarball, '--prefer-offline', ...quiet], consumer);
    packedInfo = packed[0];
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  it('ships dist/ (built by prepack) and the fixtures, and no sources or tests', () => {
    const paths = packedInfo.files.map((f) => f.path);
    for (const file of ['dist/index.js', 'dist/index.cjs', 'dist/index.d.ts', 'dist/bin.js', 'dist/testing.js', 'package.json', 'README.md']) {
      assert.ok(paths.includes(file), `${file} is in the tarball`);
    }
    assert.ok(paths.some((p) => p.startsWith('fixtures/')));
    assert.ok(!paths.some((p) => p.startsWith('src/') || p.startsWith('test/')));
  });

  it('imports from ESM and CJS in an empty project, by every public subpath', () => {
    const pkg = JSON.parse(readFileSync(join(consumer, 'node_modules', 'faultline', 'package.json'), 'utf8'));
    // Subpaths whose optional peer (msw, vitest, @opentelemetry/api) this empty project does not have are left out.
    const needsPeer = new Set(['./testing/msw', './testing/vitest', './otel']);
    const subpaths = Object.keys(pkg.exports).filter((k) => k !== './package.json' && !needsPeer.has(k)).map((k) => k.replace(/^\./, 'faultline'));
    for (const entry of subpaths) {
      const esm = run(process.execPath, ['--input-type=module', '-e', `const m = await import('${entry}'); console.log(Object.keys(m).sort().join(','))`], consumer).trim();
      const cjs = run(process.execPath, ['-e', `console.log(Object.keys(require('${entry}')).sort().join(','))`], consumer).trim();
      assert.ok(esm.length > 0, `${entry} has exports`);
      assert.equal(esm, cjs, `${entry}: ESM and CJS export the same names`);
    }
    const out = run(process.execPath, ['--input-type=module', '-e', "import { normalize, gen } from 'faultline'; console.log(normalize(gen, { status: 401, body: { error_code: 'unauthorized' } }).kind)"], consumer);
    assert.equal(out.trim(), 'authentication');
  });

  it('installs the faultline bin', () => {
    const out = run(join(consumer, 'node_modules', '.bin', 'faultline'), ['classify', '--provider', 'gen', '--status', '429', '-'], consumer);
    assert.match(out, /rate_limited/);
  });
});
