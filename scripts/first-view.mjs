// What a page of the built site loads, read from dist/index.html: shared by the size
// budget test (tests/browser/budget.test.mjs) and the benchmark (scripts/bench.mjs).
import path from 'node:path';

function local(refs) {
  const files = new Set();
  for (const ref of refs) {
    if (/^(data:|blob:|[a-z]+:\/\/|\/\/)/i.test(ref)) continue;
    files.add(path.posix.normalize(ref.replace(/^\.\//, '')).split(/[?#]/)[0]);
  }
  return files;
}

/** The values of attributes `names` on elements `tags` of `html`. */
function attrs(html, tags, names) {
  const tag = new RegExp(`<(?:${tags.join('|')})\\b[^>]*>`, 'gi');
  const attr = new RegExp(`\\s(?:${names.join('|')})\\s*=\\s*"([^"]+)"`, 'gi');
  return [...html.matchAll(tag)].flatMap((t) => [...t[0].matchAll(attr)].map((m) => m[1]));
}

/**
 * The local files of the first view: index.html, the href/src of its link and script
 * elements, what the boot script loads after the first paint (data-glue, data-wasm), and
 * the pre-rendered chart pictures (img src: each pillar's first chart). A page shows one
 * of those, and the app then its own near the screen in the reader's language (~1 KB
 * each), so the three stand for those. A dark page loads the <source> twin instead, the
 * same size: not counted twice.
 */
export function firstViewFiles(html) {
  const refs = [
    ...attrs(html, ['link', 'script'], ['href', 'src', 'data-glue', 'data-wasm']),
    ...attrs(html, ['img'], ['src']),
  ];
  return ['index.html', ...local(refs)];
}

/** What loads only after the reader first interacts: ECharts (the boot tag's data-charts). */
export function afterInteractionFiles(html) {
  return [...local(attrs(html, ['script'], ['data-charts']))];
}
