// `npm run bench`: every benchmark, each a ratio against a baseline measured in the same run.
import os from 'node:os';
import { benchAmplification } from './amplification.mjs';
import { benchBoundedBody } from './bounded-body.mjs';
import { benchClient } from './client.mjs';
import { benchFromResponse } from './from-response.mjs';
import { benchImport } from './import-cost.mjs';
import { benchNormalize } from './normalize.mjs';
import { measureSize } from './size.mjs';

console.log(`node ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'} x${os.cpus().length}, ${new Date().toISOString()}`);
await benchNormalize();
await benchFromResponse();
await benchClient();
await benchAmplification();
await benchBoundedBody();
await benchImport();
const size = await measureSize();
console.log(`${'root entry size'.padEnd(44)} ${size.minified} B minified, ${size.gzipped} B min+gzip`);
