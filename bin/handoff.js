#!/usr/bin/env node
import module from 'node:module';

module.enableCompileCache?.();
const { run } = await import('../dist/src/main.js');
process.exitCode = await run(process.argv.slice(2));
