// Where a chart's text lands, measured in Chromium with the fonts it really draws with
// (issue 12): the static pictures (SVG <text>) and the live charts (ECharts' text elements).
// One label is one box, however many lines it wraps to.

/**
 * In the page of a picture (an SVG document opened on its own): its size and one box per
 * label. ECharts writes each line of a wrapped label as its own <text> with the label's
 * transform and a line offset, so lines sharing a transform and an anchor are one label.
 */
export function svgTextBoxes() {
  const svg = document.documentElement;
  const origin = svg.getBoundingClientRect();
  const labels = new Map();
  for (const t of svg.querySelectorAll('text')) {
    const key = `${t.getAttribute('transform') || ''}|${t.getAttribute('text-anchor') || ''}|${t.getAttribute('x') || ''}`;
    const r = t.getBoundingClientRect();
    const box = { x0: r.left - origin.left, y0: r.top - origin.top, x1: r.right - origin.left, y1: r.bottom - origin.top };
    const had = labels.get(key);
    if (had) {
      had.text += `\n${t.textContent}`;
      had.x0 = Math.min(had.x0, box.x0);
      had.y0 = Math.min(had.y0, box.y0);
      had.x1 = Math.max(had.x1, box.x1);
      had.y1 = Math.max(had.y1, box.y1);
    } else {
      labels.set(key, { text: t.textContent, ...box });
    }
  }
  return { width: Number(svg.getAttribute('width')), height: Number(svg.getAttribute('height')), texts: [...labels.values()] };
}

/**
 * In the app's page: for each live chart (`div.chart` holding a canvas), its size and one
 * box per text element ECharts draws and shows (not ignored, not invisible), in the
 * chart's own pixels. Needs `echarts.getInstanceByDom` (vendor/echarts-entry.mjs).
 */
export function liveTextBoxes() {
  const out = [];
  for (const el of document.querySelectorAll('div.chart[data-chart-ready="true"]')) {
    const chart = window.echarts.getInstanceByDom(el);
    if (!chart) continue;
    const zr = chart.getZr();
    const texts = [];
    const hidden = (e) => {
      for (let n = e; n; n = n.parent) if (n.ignore || n.invisible) return true;
      return false;
    };
    const visit = (e) => {
      if (e.type === 'text' && !hidden(e) && (e.style?.text ?? '') !== '' && (e.style?.opacity ?? 1) > 0) {
        // The glyphs' box: the union of the label's lines (tspans), without the padding
        // or background box a label may have around them.
        const lines = (e.childrenRef?.() ?? []).filter((c) => c && c.type === 'tspan');
        let r = null;
        for (const line of lines.length ? lines : [e]) {
          const b = line.getBoundingRect().clone();
          const local = line === e ? null : line.getLocalTransform([]);
          if (local) b.applyTransform(local);
          if (r) r.union(b);
          else r = b;
        }
        const m = e.getComputedTransform();
        if (m) r.applyTransform(m);
        texts.push({ text: String(e.style.text), x0: r.x, y0: r.y, x1: r.x + r.width, y1: r.y + r.height });
      }
      // Text attached to a bar or an axis (its label) hangs off its host, not its children.
      const label = e.getTextContent?.();
      if (label) visit(label);
      if (e.isGroup) e.eachChild(visit);
    };
    zr.storage.getRoots().forEach(visit);
    out.push({ chart: el.dataset.chart, width: zr.getWidth(), height: zr.getHeight(), texts: dedupe(texts) });
  }
  return out;

  function dedupe(list) {
    const seen = new Set();
    return list.filter((t) => {
      const k = `${t.text}|${t.x0.toFixed(1)}|${t.y0.toFixed(1)}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
  }
}

/**
 * The rules of issue 12 for one chart's boxes; returns what breaks them, as sentences.
 * Two texts side by side (their boxes share more than 1 px of height) need `gap` px
 * between them: ticks at "0" and "10" that merely touch read as "010".
 */
export function geometryProblems({ width, height, texts }, { slack = 1, gap = 2, allowEllipsis = () => false } = {}) {
  const problems = [];
  const show = (t) => JSON.stringify(t.text.replace(/\n/g, ' '));
  for (const t of texts) {
    if (t.x0 < -slack || t.y0 < -slack || t.x1 > width + slack || t.y1 > height + slack) {
      const box = [t.x0, t.y0, t.x1, t.y1].map((v) => v.toFixed(1)).join(', ');
      problems.push(`${show(t)} leaves the ${width} × ${height} chart (box ${box})`);
    }
    if (/…$|\.\.\.$/.test(t.text.trim()) && !allowEllipsis(t.text)) problems.push(`${show(t)} is cut with "…"`);
  }
  for (let i = 0; i < texts.length; i++) {
    for (let j = i + 1; j < texts.length; j++) {
      const a = texts[i];
      const b = texts[j];
      const w = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
      const h = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
      if (w > 1 && h > 1) problems.push(`${show(a)} and ${show(b)} overlap by ${w.toFixed(1)} × ${h.toFixed(1)} px`);
      else if (h > 1 && w > -gap) problems.push(`${show(a)} and ${show(b)} are ${(-w).toFixed(1)} px apart on one line`);
    }
  }
  return problems;
}
