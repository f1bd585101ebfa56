// Stands in for wasm-bindgen when Trunk builds the app (scripts/shim/wasm-bindgen runs it),
// so the wasm is split into a small first-visit module and lazy chunks, as
// `cargo leptos build --split` does. Trunk 0.21 has no step between cargo and wasm-bindgen,
// and this is that step:
//   1. split cargo's wasm at its `#[wasm_split]` points (tools/wasm-split, the library
//      cargo-leptos uses), which needs the relocations `-Clink-args=--emit-relocs` keeps;
//   2. optimise each chunk with wasm-opt, and name chunks and their loader by content hash
//      so a browser never pairs an old chunk with a new app;
//   3. run the real wasm-bindgen on the main module (Trunk then optimises it as usual).
// The chunks and loader go to target/harbour-split/, and scripts/post-build.mjs copies
// them into the build. Anything else (`--version`, a wasm with no split points) goes
// straight to the real wasm-bindgen.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// scripts/setup.sh installs both into the per-user tool cache and names them here.
const realBindgen = process.env.HARBOUR_WASM_BINDGEN ?? 'wasm-bindgen-not-set-up';
const splitter = process.env.HARBOUR_WASM_SPLIT ?? 'harbour-wasm-split-not-set-up';
const wasmOpt = join(root, 'node_modules', '.bin', 'wasm-opt');
export const outDir = join(root, 'target', 'harbour-split');
// Same length as the hashed name that replaces it in the main module's import section.
// What Rust's wasm32 target emits (and every browser Harbour supports runs); not
// --all-features, which lets wasm-opt use encodings browsers do not yet accept.
const WASM_FEATURES = ['--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext', '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue'];
const linkPlaceholder = './__wasm_split.______________________.js';

const run = (cmd, args) => {
  const result = spawnSync(cmd, args, { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    console.error(`wasm-bindgen-split: ${basename(cmd)} exited with ${result.status}`);
    process.exit(result.status ?? 1);
  }
  return result.stdout;
};
const passThrough = (args) => {
  const result = spawnSync(realBindgen, args, { stdio: 'inherit' });
  process.exit(result.status ?? 1);
};
const shortHash = (bytes, length) => createHash('sha256').update(bytes).digest('hex').slice(0, length);

const args = process.argv.slice(2);
const inputIndex = args.findIndex((a) => !a.startsWith('-') && a.endsWith('.wasm'));
const option = (name) => {
  const i = args.findIndex((a) => a === name || a.startsWith(`${name}=`));
  if (i < 0) return undefined;
  return args[i].includes('=') ? args[i].slice(name.length + 1) : args[i + 1];
};
const outName = option('--out-name');
if (inputIndex < 0 || !outName) passThrough(args);
const input = args[inputIndex];
if (!readFileSync(input).includes('__wasm_split')) passThrough(args);
if (!existsSync(splitter)) {
  console.error('wasm-bindgen-split: the split tool is missing (source scripts/setup.sh first)');
  process.exit(1);
}

rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
const chunks = run(splitter, [input, outDir, `./${outName}.js`, linkPlaceholder])
  .split('\n')
  .filter(Boolean);

const linkPath = join(outDir, linkPlaceholder.slice(2));
let link = readFileSync(linkPath, 'utf8');
for (const chunk of chunks) {
  run(wasmOpt, ['-Oz', ...WASM_FEATURES, chunk, '-o', chunk]);
  const name = basename(chunk, '.wasm');
  const hashed = `${name}-${shortHash(readFileSync(chunk), 16)}.wasm`;
  const reference = `"./${name}.wasm"`;
  if (!link.includes(reference)) {
    console.error(`wasm-bindgen-split: the loader does not name ${name}.wasm`);
    process.exit(1);
  }
  link = link.replaceAll(reference, `"./${hashed}"`);
  renameSync(chunk, join(outDir, hashed));
}
const linkName = `./__wasm_split.${shortHash(link, 22)}.js`;
writeFileSync(join(outDir, linkName.slice(2)), link);
rmSync(linkPath);

// The main module imports the loader by name: give it the hashed one.
const mainPath = join(outDir, 'main.wasm');
const main = readFileSync(mainPath);
const from = Buffer.from(linkPlaceholder);
const to = Buffer.from(linkName);
let at = main.indexOf(from);
if (at < 0) {
  console.error('wasm-bindgen-split: the main module does not import the loader');
  process.exit(1);
}
for (; at >= 0; at = main.indexOf(from, at + to.length)) to.copy(main, at);
writeFileSync(mainPath, main);

args[inputIndex] = mainPath;
passThrough([...args, '--keep-lld-exports']);
