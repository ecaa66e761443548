// `npm run bench`: every benchmark, each a ratio against a baseline measured in the same run.
import os from 'node:os';
import { benchAmplification } from './amplification.mjs';
import { benchBoundedBody } from './bounded-body.mjs';
import { benchClient } from './client.mjs';
import { benchFleet } from './fleet.mjs';
import { benchFromResponse } from './from-response.mjs';
import { benchImport } from './import-cost.mjs';
import { benchJobs } from './jobs.mjs';
import { benchNormalize } from './normalize.mjs';
import { IMPORT_SETS, measureImports, measureKy } from './size.mjs';

console.log(`node ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'} x${os.cpus().length}, ${new Date().toISOString()}`);
await benchNormalize();
await benchFromResponse();
await benchClient();
await benchJobs();
await benchFleet();
await benchAmplification();
await benchBoundedBody();
await benchImport();
const ky = await measureKy();
for (const { names } of IMPORT_SETS) {
  const size = await measureImports(names);
  console.log(`${`size: ${names.join(' + ')}`.padEnd(44)} ${size.gzipped} B min+gzip, dependencies bundled (${(size.gzipped / ky.gzipped).toFixed(2)}x ky's ${ky.gzipped} B)`);
}
