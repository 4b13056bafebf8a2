import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_PAGE_URL, rendererFileFor } from '../../../main/electron/app-protocol';

const ROOT = path.resolve('/opt/gandi-status/resources/app.asar/dist/renderer');

describe('app:// serves the renderer build and nothing else', () => {
  it.each([
    [APP_PAGE_URL, path.join(ROOT, 'index.html')],
    ['app://gandi-status/', path.join(ROOT, 'index.html')],
    ['app://gandi-status/assets/index-abc.js', path.join(ROOT, 'assets', 'index-abc.js')],
    ['app://gandi-status/assets/a%20b.css', path.join(ROOT, 'assets', 'a b.css')],
  ])('%s is %s', (url, file) => {
    expect(rendererFileFor(url, ROOT)).toBe(file);
  });

  it.each(['app://gandi-status/../package.json', 'app://gandi-status/%2e%2e/%2e%2e/main/app.js'])(
    'keeps %s inside the folder (the URL parser drops the dot segments)',
    (url) => {
      expect(rendererFileFor(url, ROOT)?.startsWith(`${ROOT}${path.sep}`)).toBe(true);
    },
  );

  it.each([
    'app://gandi-status/..%2f..%2fpackage.json',
    'app://gandi-status/assets/..%2f..%2f..%2fmain%2fapp.js',
    'app://other-host/index.html',
    'file:///etc/passwd',
    'app://gandi-status/%00index.html',
    'app://gandi-status/%E0%A4%A',
    'not a url',
  ])('refuses %s', (url) => {
    expect(rendererFileFor(url, ROOT)).toBeNull();
  });
});
