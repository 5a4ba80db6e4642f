//! Moves trunk's start-up out of the critical path (run by the post-build hook, after
//! [`crate::prerender::apply`]).
//!
//! trunk writes an inline `<script type="module">` that imports the wasm-bindgen glue and
//! starts the `.wasm`, plus `<link rel=modulepreload>` / `<link rel=preload>` for both, and
//! our `<script defer>` for ECharts. All of these start downloading before the first
//! paint, so on a slow phone link the pre-rendered page waits for ~500 KB it does not need.
//! [`apply`] removes them and writes their URLs and SRI hashes onto the boot script's tag
//! (`static/boot.js`), which starts the app after the first paint and fetches ECharts when
//! the reader first interacts. With no inline script left, the CSP needs no hash either.
//! The tag also names the directory of the static chart pictures (`data-svg`, written by
//! `scripts/chart-svgs.mjs`), which the app shows until ECharts is there.

/// One element of trunk's output: where it is, and its opening tag.
struct Tag<'a> {
    start: usize,
    end: usize,
    open: &'a str,
}

/// The first element whose opening tag starts with `prefix` and contains every string in
/// `has`; `end` is after `</script>` for scripts, after `>` otherwise.
fn find<'a>(html: &'a str, prefix: &str, has: &[&str]) -> Option<Tag<'a>> {
    let mut from = 0;
    while let Some(i) = html[from..].find(prefix) {
        let start = from + i;
        let open_end = start + html[start..].find('>')? + 1;
        let open = &html[start..open_end];
        if has.iter().all(|h| open.contains(h)) {
            let end = if prefix.starts_with("<script") {
                open_end + html[open_end..].find("</script>")? + "</script>".len()
            } else {
                open_end
            };
            return Some(Tag { start, end, open });
        }
        from = open_end;
    }
    None
}

/// The value of attribute `name` in an opening tag.
fn attr<'a>(open: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let a = open.find(&key)? + key.len();
    Some(&open[a..a + open[a..].find('"')?])
}

/// The quoted string after `marker` in the inline loader (`from './x.js'`).
fn quoted_after<'a>(text: &'a str, marker: &str) -> Option<&'a str> {
    let rest = &text[text.find(marker)? + marker.len()..];
    let q = rest.chars().next().filter(|c| *c == '\'' || *c == '"')?;
    let rest = &rest[1..];
    Some(&rest[..rest.find(q)?])
}

fn missing(what: &str) -> String {
    format!("index.html: {what} not found (did trunk's output change?)")
}

/// The `integrity` of `tag`, or an error naming `what`.
fn integrity<'a>(tag: &Tag<'a>, what: &str) -> Result<&'a str, String> {
    attr(tag.open, "integrity").ok_or_else(|| missing(&format!("{what}'s integrity")))
}

/// What [`apply`] moved: the files the page will load, in the order they are needed.
#[derive(Debug, PartialEq, Eq)]
pub struct Moved {
    pub glue: String,
    pub wasm: String,
    pub charts: String,
    pub svg: String,
}

/// Whether `name` is a chart-picture directory as `scripts/chart-svgs.mjs` names it
/// (`charts-` and 16 hex digits).
pub fn is_svg_dir(name: &str) -> bool {
    name.strip_prefix("charts-")
        .is_some_and(|h| h.len() == 16 && h.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// Rewrites trunk's `index.html` as described in the module docs; `svg_dir` is the chart
/// pictures' directory next to it. An error names what was not found (a trunk upgrade that
/// changes its output fails the build, not the page).
pub fn apply(html: &str, svg_dir: &str) -> Result<(String, Moved), String> {
    if !is_svg_dir(svg_dir) {
        return Err(format!(
            "{svg_dir:?} is not a chart-picture directory (charts-<16 hex digits>)"
        ));
    }
    let loader = find(html, "<script type=\"module\"", &[]).ok_or_else(|| missing("trunk's inline module loader"))?;
    let text = &html[loader.start..loader.end];
    let glue = quoted_after(text, " from ").ok_or_else(|| missing("the glue import in the loader"))?;
    let wasm = quoted_after(text, "module_or_path: ").ok_or_else(|| missing("module_or_path in the loader"))?;
    let glue_link = find(html, "<link rel=\"modulepreload\"", &[&format!("href=\"{glue}\"")])
        .ok_or_else(|| missing("the glue's modulepreload link"))?;
    let wasm_link = find(html, "<link rel=\"preload\"", &[&format!("href=\"{wasm}\"")])
        .ok_or_else(|| missing("the wasm's preload link"))?;
    let charts = find(html, "<script src=\"", &["echarts"]).ok_or_else(|| missing("the ECharts <script>"))?;
    let boot =
        find(html, "<script src=\"", &["/boot-"]).ok_or_else(|| missing("the boot <script> (static/boot.js)"))?;
    let charts_src = attr(charts.open, "src").ok_or_else(|| missing("the ECharts src"))?;
    let data = format!(
        " data-glue=\"{glue}\" data-glue-integrity=\"{}\" data-wasm=\"{wasm}\" data-wasm-integrity=\"{}\" data-charts=\"{charts_src}\" data-charts-integrity=\"{}\" data-svg=\"{svg_dir}/\"",
        integrity(&glue_link, "the glue")?,
        integrity(&wasm_link, "the wasm")?,
        integrity(&charts, "ECharts")?,
    );
    let boot_open = boot.open.replacen("<script", &format!("<script{data}"), 1);

    // Cut from the end so earlier offsets stay valid.
    let mut edits = [
        (loader.start, loader.end, String::new()),
        (glue_link.start, glue_link.end, String::new()),
        (wasm_link.start, wasm_link.end, String::new()),
        (charts.start, charts.end, String::new()),
        (boot.start, boot.start + boot.open.len(), boot_open),
    ];
    edits.sort_by_key(|e| std::cmp::Reverse(e.0));
    let mut out = html.to_owned();
    for (a, b, with) in edits {
        out.replace_range(a..b, &with);
    }
    let moved = Moved {
        glue: glue.to_owned(),
        wasm: wasm.to_owned(),
        charts: charts_src.to_owned(),
        svg: format!("{svg_dir}/"),
    };
    Ok((out, moved))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SVG: &str = "charts-0123456789abcdef";

    /// The shape of trunk 0.21's output (attributes as it writes them).
    const TRUNK: &str = r#"<head>
  <link rel="stylesheet" href="./main-aaaa.css" integrity="sha384-css"/>
  <script src="./boot-bbbb.js" defer integrity="sha384-boot"></script>
  <script src="./echarts.min-cccc.js" defer integrity="sha384-charts"></script>
<script type="module">
import init, * as bindings from './esg-app-dddd.js';
const wasm = await init({ module_or_path: './esg-app-dddd_bg.wasm' });
window.wasmBindings = bindings;
</script>
<link rel="modulepreload" href="./esg-app-dddd.js" crossorigin="anonymous" integrity="sha384-glue"><link rel="preload" href="./esg-app-dddd_bg.wasm" crossorigin="anonymous" integrity="sha384-wasm" as="fetch" type="application/wasm"></head>
<body></body>"#;

    #[test]
    fn moves_the_loader_onto_the_boot_tag() {
        let (out, moved) = apply(TRUNK, SVG).expect("apply");
        assert_eq!(
            moved,
            Moved {
                glue: "./esg-app-dddd.js".into(),
                wasm: "./esg-app-dddd_bg.wasm".into(),
                charts: "./echarts.min-cccc.js".into(),
                svg: "charts-0123456789abcdef/".into(),
            }
        );
        assert!(out.contains(
            r#"<script data-glue="./esg-app-dddd.js" data-glue-integrity="sha384-glue" data-wasm="./esg-app-dddd_bg.wasm" data-wasm-integrity="sha384-wasm" data-charts="./echarts.min-cccc.js" data-charts-integrity="sha384-charts" data-svg="charts-0123456789abcdef/" src="./boot-bbbb.js" defer integrity="sha384-boot"></script>"#
        ));
        for gone in [
            "type=\"module\"",
            "modulepreload",
            "rel=\"preload\"",
            "<script src=\"./echarts",
            "wasmBindings",
        ] {
            assert!(!out.contains(gone), "{gone} is still there");
        }
        // Exactly one script element is left, and it has a src.
        assert_eq!(out.matches("<script").count(), 1);
        assert!(out.contains(r#"<link rel="stylesheet" href="./main-aaaa.css" integrity="sha384-css"/>"#));
    }

    #[test]
    fn a_changed_trunk_output_is_an_error_naming_what_is_missing() {
        let no_loader = TRUNK.replace("type=\"module\"", "type=\"text/plain\"");
        assert!(apply(&no_loader, SVG).unwrap_err().contains("inline module loader"));
        let no_boot = TRUNK.replace("boot-bbbb", "other-bbbb");
        assert!(apply(&no_boot, SVG).unwrap_err().contains("static/boot.js"));
        let no_sri = TRUNK.replace(" integrity=\"sha384-wasm\"", "");
        assert!(apply(&no_sri, SVG).unwrap_err().contains("the wasm's integrity"));
        let no_preload = TRUNK.replace("rel=\"modulepreload\"", "rel=\"x\"");
        assert!(apply(&no_preload, SVG).unwrap_err().contains("modulepreload"));
        assert!(apply(TRUNK, "charts-xyz")
            .unwrap_err()
            .contains("chart-picture directory"));
        assert!(!is_svg_dir("charts-0123456789abcde"));
        assert!(!is_svg_dir("charts-0123456789abcdeg"));
    }
}
