// What a page of the built site loads first, read from its index.html: shared by the size
// budget test (tests/browser/budget.test.mjs) and the benchmark (scripts/bench.mjs).
// Every page is a folder (`en/board/`, explorer/src/pages.rs) whose links are relative to
// it; the boot script's data-* files are relative to the boot script, at the site root.
import path from 'node:path';

/** `ref` from a page in folder `dir` (relative to the site root) as a site-root path. */
function resolve(dir, ref) {
  if (/^(data:|blob:|[a-z]+:\/\/|\/\/)/i.test(ref)) return null;
  return path.posix.normalize(path.posix.join(dir, ref.split(/[?#]/)[0]));
}

/** The values of attributes `names` on elements `tags` of `html`. */
function attrs(html, tags, names) {
  const tag = new RegExp(`<(?:${tags.join('|')})\\b[^>]*>`, 'gi');
  const attr = new RegExp(`\\s(?:${names.join('|')})\\s*=\\s*"([^"]+)"`, 'gi');
  return [...html.matchAll(tag)].flatMap((t) => [...t[0].matchAll(attr)].map((m) => m[1]));
}

/** The folder of the boot script (where its data-* URLs start), from a page in `dir`. */
function bootDir(html, dir) {
  const src = attrs(html, ['script'], ['src']).find((s) => /boot-[0-9a-f]+\.js$/.test(s));
  return src ? path.posix.dirname(resolve(dir, src)) : dir;
}

/** How many chart pictures stand for a first screen: a phone shows one to three. */
export const FIRST_SCREEN_PICTURES = 3;

/**
 * The local files of a page's first view, as site-root paths: the page's index.html, the
 * href/src of its link and script elements, what the boot script loads after the first
 * paint (data-glue, data-wasm), and the page's first three chart pictures (the app's and
 * the static page's are the same files; a dark page loads the <source> twin instead, the
 * same size: not counted twice). `dir` is the page's folder (`''` for the site root).
 */
export function firstViewFiles(html, dir = '') {
  const boot = bootDir(html, dir);
  const refs = [
    ...attrs(html, ['link', 'script'], ['href', 'src']).map((r) => resolve(dir, r)),
    ...attrs(html, ['script'], ['data-glue', 'data-wasm']).map((r) => resolve(boot, r)),
    ...attrs(html, ['img'], ['src'])
      .slice(0, FIRST_SCREEN_PICTURES)
      .map((r) => resolve(dir, r)),
  ];
  return [...new Set([path.posix.join(dir, 'index.html'), ...refs.filter(Boolean)])];
}

/** What loads only after the reader first interacts: ECharts (the boot tag's data-charts)
    and the charts' options (options.json in the data-svg folder), static/boot.js's esgCharts. */
export function afterInteractionFiles(html, dir = '') {
  const boot = bootDir(html, dir);
  const refs = [
    ...attrs(html, ['script'], ['data-charts']),
    ...attrs(html, ['script'], ['data-svg']).map((d) => `${d}options.json`),
  ];
  return [...new Set(refs.map((r) => resolve(boot, r)).filter(Boolean))];
}
