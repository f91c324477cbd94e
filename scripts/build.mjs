// npm run build: bundles the CLI into dist/src with esbuild (tsc type-checks, it does not emit).
// One bundle loads much faster than hundreds of modules (zod alone is about a hundred files), and
// code splitting keeps what each command needs in its own chunks, loaded when the command runs.
// The built-in templates are precompiled here, so the CLI never loads the Handlebars compiler for them.
import { readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import * as esbuild from 'esbuild';
import Handlebars from 'handlebars';

const projectRoot = join(import.meta.dirname, '..');
const dist = join(projectRoot, 'dist');
const next = join(dist, 'src.next');

// Chunks and the lint worker sit together in dist/src/chunks/: parse-workers.ts finds the worker
// beside itself, and a module there is as deep below the package root as one in src/core/rules/,
// so paths relative to import.meta.url (like the neutral-language rule's to data/) hold in both.
const entryPoints = {
  main: 'src/main.ts',
  'chunks/lint-worker': 'src/io/lint-worker.ts',
};

rmSync(next, { recursive: true, force: true });
try {
  const result = await esbuild.build({
    absWorkingDir: projectRoot,
    entryPoints,
    outdir: next,
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // yaml is loaded on first use through require() (src/core/yaml.ts), so the static imports of it
    // must reach the same copy in node_modules rather than a second one bundled.
    external: ['yaml'],
    // Bundled CommonJS packages call require() for Node's modules, and some read __filename.
    banner: {
      js: [
        "import { createRequire as __handoffCreateRequire } from 'node:module';",
        'const require = __handoffCreateRequire(import.meta.url);',
        'const __filename = import.meta.filename;',
        'const __dirname = import.meta.dirname;',
      ].join(' '),
    },
    plugins: [precompiledTemplatesPlugin()],
    metafile: true,
    logLevel: 'warning',
  });
  checkLayout(result.metafile);
  for (const name of readdirSync(dist)) {
    if (name !== 'src.next') rmSync(join(dist, name), { recursive: true, force: true });
  }
  renameSync(next, join(dist, 'src'));
} catch (error) {
  rmSync(next, { recursive: true, force: true });
  // esbuild has already printed its own errors.
  if (!Array.isArray(error?.errors)) console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}

/** Replaces src/io/builtin-templates.ts with every built-in template, precompiled. */
function precompiledTemplatesPlugin() {
  return {
    name: 'precompiled-templates',
    setup(build) {
      build.onLoad({ filter: /[\\/]src[\\/]io[\\/]builtin-templates\.ts$/ }, async () => {
        const { templateCompileOptions } = await importTypeScript('src/io/template-options.ts');
        const templatesDir = join(projectRoot, 'templates');
        const names = readdirSync(templatesDir, { recursive: true })
          .filter((file) => file.endsWith('.hbs'))
          .map((file) => file.slice(0, -'.hbs'.length).split(sep).join('/'))
          .sort();
        const entries = names.map((name) => {
          const source = readFileSync(join(templatesDir, `${name}.hbs`), 'utf8');
          const spec = Handlebars.precompile(source, { ...templateCompileOptions });
          return `  ${JSON.stringify(name)}: ${spec},`;
        });
        return {
          contents: `export const precompiledTemplates = {\n${entries.join('\n')}\n};\n`,
          loader: 'js',
          watchFiles: names.map((name) => join(templatesDir, `${name}.hbs`)),
        };
      });
    },
  };
}

/** Imports a TypeScript module that imports nothing (Node 20 cannot import .ts files). */
async function importTypeScript(path) {
  const source = readFileSync(join(projectRoot, path), 'utf8');
  const { code } = await esbuild.transform(source, { loader: 'ts', format: 'esm' });
  return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
}

/** Fails the build when splitting put a module where a path relative to it no longer holds. */
function checkLayout(metafile) {
  const outputOf = (input) =>
    Object.entries(metafile.outputs).find(([, output]) => input in output.inputs)?.[0];
  const worker = Object.entries(metafile.outputs).find(
    ([, output]) => output.entryPoint === entryPoints['chunks/lint-worker'],
  )?.[0];
  const spawner = outputOf('src/io/parse-workers.ts');
  if (!worker || !spawner || dirname(worker) !== dirname(spawner)) {
    throw new Error(`the lint worker (${worker}) is not beside parse-workers.ts's chunk (${spawner})`);
  }
  for (const input of ['src/core/rules/neutral-language.ts']) {
    const output = outputOf(input);
    if (output === undefined) continue;
    const depth = relative(projectRoot, dirname(join(projectRoot, output))).split(sep).length;
    if (depth !== input.split('/').length - 1) {
      throw new Error(`${input} was bundled into ${output}, at another depth below the package root`);
    }
  }
}
