/**
 * npm run bench:build [-- --runs 3]
 * Times the full production build (every page in every language) from a clean dist/ and compares
 * it with the 60-second budget. Prints pages per language and milliseconds per page, so a slow
 * language or a slow page type stands out.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { localeCodes } from '../../src/i18n/locales.ts';

const budgetSeconds = 60;
const root = new URL('../..', import.meta.url).pathname;
const { values } = parseArgs({ options: { runs: { type: 'string', default: '1' } } });

/** Every built HTML page under a folder. */
const htmlPages = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? htmlPages(join(dir, entry.name)) : entry.name.endsWith('.html') ? [join(dir, entry.name)] : [],
  );

/** CPU seconds used so far by this process's finished children (Linux /proc; 0 elsewhere). */
function childCpuSeconds(): number {
  try {
    // Fields after the ")" of the command name: cutime and cstime are the 14th and 15th.
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return 0;
  }
}

console.log(`load average at start: ${loadavg()[0]!.toFixed(1)} on this machine`);
const seconds: number[] = [];
for (let run = 1; run <= Number(values.runs); run++) {
  rmSync(join(root, 'dist'), { recursive: true, force: true });
  const started = performance.now();
  const cpuBefore = childCpuSeconds();
  const build = spawnSync(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: root,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`The build failed:\n${build.stdout}\n${build.stderr}`);
  seconds.push((performance.now() - started) / 1000);
  console.log(`run ${run}: ${seconds.at(-1)!.toFixed(1)} s wall, ${(childCpuSeconds() - cpuBefore).toFixed(1)} s CPU`);
}

const pages = htmlPages(join(root, 'dist/client'));
const perLanguage = localeCodes.map((code) => `${code} ${pages.filter((p) => p.includes(`/client/${code}/`)).length}`);
const median = [...seconds].sort((a, b) => a - b)[Math.floor(seconds.length / 2)]!;
console.log(`languages: ${localeCodes.length}; pages: ${pages.length} (${perLanguage.join(', ')})`);
console.log(`full build: ${median.toFixed(1)} s median of ${seconds.length}; ${((median * 1000) / pages.length).toFixed(0)} ms per page`);
console.log(`budget: ${budgetSeconds} s; ${median <= budgetSeconds ? 'within' : 'OVER'} budget (${((median / budgetSeconds) * 100).toFixed(0)}%)`);
process.exitCode = median <= budgetSeconds ? 0 : 1;
