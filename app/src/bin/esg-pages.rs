//! Trunk hooks (see Trunk.toml). Before the build, `esg-pages --sizes` prints the chart
//! boxes' heights as CSS for the site's stylesheet. After it, in two steps:
//! - `esg-pages --charts` prints every prebuilt chart as JSON for `scripts/chart-svgs.mjs`,
//!   which draws them as static SVGs into `charts-<hash>/` in the staging directory;
//! - `esg-pages DIR` (trunk's staging directory) turns trunk's `index.html` into every
//!   static page of the site, each rendered by the app's own components
//!   (`esg_app::pages`), plus the data files (`data/`), the link-preview pictures and,
//!   with `ESG_PUBLIC_URL` set, `sitemap.xml`.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    host::main()
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod host {
    use esg_app::pages::body;
    use esg_data::{Lang, Report};
    use esg_explorer::groups::HEADLINE_KPIS;
    use esg_explorer::pages::{Page, ROOT};
    use esg_explorer::site::{self, PageParts, PublicUrl};
    use esg_explorer::url::View;
    use esg_explorer::{boot, format};
    use std::path::Path;
    use std::process::ExitCode;

    pub fn main() -> ExitCode {
        let Some(arg) = std::env::args().nth(1) else {
            eprintln!("usage: esg-pages --sizes | esg-pages --charts | esg-pages STAGING_DIR");
            return ExitCode::from(2);
        };
        let report = match esg_app::data::report() {
            Ok(r) => r,
            Err(e) => {
                eprintln!("esg-pages: embedded report unreadable: {e}");
                return ExitCode::FAILURE;
            }
        };
        if arg == "--sizes" {
            // The chart boxes' heights as CSS, appended to the site's stylesheet (Trunk.toml).
            print!(
                "{}",
                esg_explorer::prebuilt::size_rules(esg_app::data::charts().map(|c| c.height))
            );
            return ExitCode::SUCCESS;
        }
        if arg == "--charts" {
            // `{widths, charts: [{key, height, json}]}`, as scripts/chart-svgs.mjs reads it.
            let charts: Vec<serde_json::Value> = esg_app::data::charts()
                .map(|c| serde_json::json!({ "key": c.key, "height": c.height, "json": esg_app::data::option_json(c.key) }))
                .collect();
            let list = serde_json::json!({ "widths": esg_explorer::prebuilt::picture_widths(), "charts": charts });
            println!("{list}");
            return ExitCode::SUCCESS;
        }
        match write_site(Path::new(&arg), report) {
            Ok(n) => {
                eprintln!("esg-pages: wrote {n} pages into {arg}");
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("esg-pages: {e}");
                ExitCode::FAILURE
            }
        }
    }

    fn write(path: &Path, bytes: &[u8]) -> Result<(), String> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        std::fs::write(path, bytes).map_err(|e| format!("{}: {e}", path.display()))
    }

    /// Writes every page, picture and the sitemap into `dir`; returns the number of pages.
    fn write_site(dir: &Path, report: &'static Report) -> Result<usize, String> {
        let site = PublicUrl::parse(&std::env::var(esg_explorer::site::PUBLIC_URL_SETTING).unwrap_or_default())?;
        let index = dir.join("index.html");
        let svg = svg_dir(dir)?;
        let template = std::fs::read_to_string(&index).map_err(|e| format!("{}: {e}", index.display()))?;
        let (template, _) = boot::apply(&template, &svg)?;
        let svg = format!("{svg}/");

        let views: Vec<&str> = View::ALL.iter().map(|v| v.as_str()).collect();
        let widgets = esg_explorer::embed::widget_ids();
        let mut pages: Vec<(String, Page)> = vec![(String::new(), ROOT.page())];
        pages.extend(Page::all().into_iter().map(|p| (p.path(), p)));
        for (here, page) in &pages {
            let html = site::document(
                &template,
                &PageParts {
                    here,
                    page,
                    report,
                    head: &site::head_tags(page, here, &site, report),
                    body: &body(report, here, &svg),
                    entry: here.is_empty().then_some((views.as_slice(), widgets.as_slice())),
                },
            )?;
            write(&dir.join(here).join("index.html"), html.as_bytes())?;
        }
        // The whole dataset, for the footer's download links and for analysts.
        let year = report.report.year;
        write(
            &dir.join(esg_explorer::pages::data_file(year, "csv")),
            esg_data::export::kpi_csv(report).as_bytes(),
        )?;
        write(
            &dir.join(esg_explorer::pages::data_file(year, "json")),
            esg_data::export::json(report).as_bytes(),
        )?;
        // The data files for analysts (long CSV, JSON, Data Package, README): the bytes the
        // Data panel measured at build time (`esg_app::data::FILES`).
        let url = Some(env!("ESG_REPORT_URL_CHECKED")).filter(|u| !u.is_empty());
        for f in esg_data::package::files(report, url) {
            write(&dir.join(esg_data::package::DIR).join(f.name), f.content.as_bytes())?;
        }
        if let Some(xml) = site::sitemap(&site) {
            write(&dir.join("sitemap.xml"), xml.as_bytes())?;
        }
        share_images(dir, report)?;
        Ok(pages.len())
    }

    /// One link-preview picture per view and language: the view's title and, where the
    /// view has one, its headline figure.
    fn share_images(dir: &Path, report: &Report) -> Result<(), String> {
        let fonts = esg_share::load_fonts()?;
        for lang in Lang::ALL {
            for view in View::ALL {
                let page = Page::view(lang, view);
                let figure = headline(report, view, lang);
                let title = page.title(report);
                let footer = format!(
                    "{}: {}",
                    esg_explorer::i18n::Msg::Source.text(lang),
                    esg_explorer::i18n::Msg::SourceReport.for_report(lang, report)
                );
                let card = esg_share::Card {
                    lang: lang.tag(),
                    eyebrow: report.report.company.get(lang),
                    title: &title,
                    figure: figure.as_ref().map(|(v, l)| (v.as_str(), l.as_str())),
                    footer: &footer,
                };
                let png = esg_share::png(&card, &fonts).map_err(|e| format!("{}: {e}", page.path()))?;
                write(&dir.join(site::share_image_path(lang, view)), &png)?;
            }
        }
        Ok(())
    }

    /// The figure a view's preview shows: its pillar's first headline KPI (the overview:
    /// the first of all; the board: its number of directors), with its unit, labelled with
    /// its name and year.
    fn headline(report: &Report, view: View, lang: Lang) -> Option<(String, String)> {
        let k = HEADLINE_KPIS
            .iter()
            .filter_map(|id| report.kpi(id))
            .find(|k| match view {
                View::Overview => true,
                View::Board => k.id == "board-directors",
                v => v.pillar() == Some(k.pillar),
            })?;
        let year = report.report.year;
        let v = k.value(year)?;
        v.decimal()?;
        let label = format!(
            "{} · {}",
            k.metric.get(lang),
            esg_explorer::i18n::Msg::YearLabel.fill(lang, &[("year", &year.to_string())])
        );
        Some((format::with_unit(v, &k.unit, lang), label))
    }

    /// The one chart-picture directory in `dir` (written by `scripts/chart-svgs.mjs`).
    fn svg_dir(dir: &Path) -> Result<String, String> {
        let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        let dirs: Vec<String> = entries
            .filter_map(|e| e.ok())
            .filter_map(|e| e.file_name().into_string().ok())
            .filter(|n| boot::is_svg_dir(n))
            .collect();
        match dirs.as_slice() {
            [one] => Ok(one.clone()),
            [] => Err(format!(
                "{}: no charts-<hash>/ directory: run `esg-pages --charts | node scripts/chart-svgs.mjs DIR` first",
                dir.display()
            )),
            _ => Err(format!(
                "{}: more than one charts-<hash>/ directory: {dirs:?}",
                dir.display()
            )),
        }
    }
}
