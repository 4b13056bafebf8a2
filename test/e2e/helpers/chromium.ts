// Debian's Chromium driven by playwright-core (no browser is ever downloaded).
import { chromium, type Browser } from 'playwright-core';
import { requireBinaries } from './binaries';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchChromium(): Promise<Browser> {
  const { chromium: executablePath } = requireBinaries(['chromium']);
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
}
