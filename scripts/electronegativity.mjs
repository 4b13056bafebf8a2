#!/usr/bin/env node
// Runs Electronegativity over the code that ships in the app and fails on any finding that has not
// been reviewed. Every exclusion below is explained in docs/electronegativity.md.
//
// Electronegativity exits 0 whatever it finds, so its programmatic API is used and the result is
// judged here. The scan is offline: the check that downloads Electron's release list is excluded,
// and its start-up download of message translations is replaced by its bundled English texts.
//
// Usage: node scripts/electronegativity.mjs [--root <project folder>]   (default: this project)
// Exit codes: 0 no finding, 1 findings (printed), 2 the scan itself failed.
import { Module, createRequire } from 'node:module';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** What goes into app.asar as code: the main process (electron + core), the shared folder, the preload, the renderer. */
const SCANNED = ['package.json', 'main/electron', 'main/core', 'common', 'preload', 'renderer'];

/** Checks switched off for the whole scan (class names, as `electronegativity -x` takes them). */
export const EXCLUDED_CHECKS = [
  // Downloads Electron's release list from GitHub at every run; dependency updates cover it.
  'AvailableSecurityFixesGlobalCheck',
  // Informational only: reports the Electron version, which package.json pins.
  'ElectronVersionJSONCheck',
  // Guards against middle-click opening windows; every new window is denied by setWindowOpenHandler.
  'AuxclickJSCheck',
];

/** Findings accepted by place: [check id, folder]. Other places still fail the scan. */
export const ACCEPTED_BY_PLACE = [
  // The sandboxed renderer has no `shell`: its openExternal is the bridge, checked in main.
  ['OPEN_EXTERNAL_JS_CHECK', 'renderer/'],
];

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function parseArgs(argv) {
  let root = projectRoot;
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] === '--root' && argv[i + 1] !== undefined) root = path.resolve(argv[++i]);
    else throw new Error(`unknown argument ${argv[i]} (usage: electronegativity.mjs [--root <folder>])`);
  }
  return { root };
}

/** Loads Electronegativity with its translations taken from disk instead of the network. */
function loadRunner() {
  const require = createRequire(import.meta.url);
  const runnerPath = require.resolve('@doyensec/electronegativity');
  const local = createRequire(runnerPath);
  const i18n = local('i18n');
  const i18nPath = local.resolve('./locales/i18n.js');
  const offline = new Module(i18nPath);
  offline.filename = i18nPath;
  offline.loaded = true;
  offline.exports = async () => {
    i18n.configure({
      locales: ['en-US'],
      defaultLocale: 'en-US',
      directory: path.dirname(i18nPath),
      updateFiles: false,
      objectNotation: true,
      retryInDefaultLocale: true,
      register: globalThis,
    });
    i18n.setLocale('en-US');
  };
  require.cache[i18nPath] = offline;
  return require(runnerPath);
}

async function electronVersion(root) {
  const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8'));
  const version = pkg.devDependencies?.electron ?? pkg.dependencies?.electron;
  if (typeof version !== 'string' || !/^\d+\.\d+\.\d+$/.test(version)) {
    throw new Error(`package.json must pin electron to an exact version, found ${JSON.stringify(version)}`);
  }
  return version;
}

/** Copies the shipped sources into a fresh folder: one scan sees them all (global checks correlate files). */
async function stage(root) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'electronegativity-'));
  for (const entry of SCANNED) {
    const from = path.join(root, entry);
    if (!existsSync(from)) throw new Error(`missing ${entry} under ${root}`);
    await cp(from, path.join(dir, entry), { recursive: true });
  }
  return dir;
}

function isAccepted(issue) {
  const file = issue.file.split(path.sep).join('/');
  return ACCEPTED_BY_PLACE.some(([id, folder]) => issue.id === id && file.startsWith(folder));
}

export async function audit(root) {
  const run = loadRunner();
  const version = await electronVersion(root);
  const dir = await stage(root);
  try {
    const result = await run(
      { input: dir, excludeFromScan: EXCLUDED_CHECKS, electronVersionOverride: version, isRelative: true },
      false,
    );
    return { ...result, findings: result.issues.filter((issue) => !isAccepted(issue)), version };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function describe(issue) {
  const where = `${issue.file}:${issue.location.line}:${issue.location.column}`;
  const sample = (issue.sample ?? '').trim().slice(0, 160);
  return `${issue.id} (${issue.severity.name}, ${issue.confidence.name}) ${where}\n  ${issue.description}\n  ${sample}`;
}

async function main() {
  const { root } = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const result = await audit(root);
  // A file the parser could not read was not checked at all: that is a failure, not a pass.
  const unreadable = result.errors.filter((error) => !error.tolerable);
  for (const error of result.errors) console.error(`cannot parse ${error.file}: ${error.message}`);
  const accepted = result.issues.length - result.findings.length;
  console.log(
    `Electronegativity: ${result.atomicChecks} atomic and ${result.globalChecks} global checks, Electron ${result.version}, ` +
      `${accepted} reviewed finding(s) accepted, ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  for (const issue of result.findings) console.log(describe(issue));
  if (unreadable.length > 0) {
    process.exitCode = 2;
  } else if (result.findings.length > 0) {
    console.log(`${result.findings.length} finding(s): fix them, or review and record them in docs/electronegativity.md`);
    process.exitCode = 1;
  } else {
    console.log('No findings.');
  }
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 2;
  });
}
