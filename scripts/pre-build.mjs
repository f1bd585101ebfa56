// Trunk pre_build hook: bundle style/app.css (which imports the other stylesheets, in
// cascade order) into one minified file, target/harbour-style/app.css, which index.html
// links. The page then waits for one stylesheet before it paints instead of four, and
// Trunk's file hash and integrity hash are taken of the final bytes, so no later step has
// to edit the link Trunk writes.
import { buildSync } from 'esbuild';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const result = buildSync({
  entryPoints: [join(root, 'style', 'app.css')],
  outfile: join(root, 'target', 'harbour-style', 'app.css'),
  bundle: true,
  minify: true,
  logLevel: 'warning',
});
if (result.errors.length > 0) process.exit(1);
