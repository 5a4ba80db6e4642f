//! Embeddable widgets: stable ids for `?embed=<id>` (the annual-report page depends on
//! them), and the messages an embedded widget sends its host page.

use crate::groups::GROUPS;

/// What an embed URL asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Widget {
    /// The overview's headline figures.
    Overview,
    /// Board composition on the chosen date.
    Board,
    /// The stakeholder communication map.
    Stakeholders,
    /// One KPI group's chart (its id from [`GROUPS`]).
    Group(&'static str),
    /// An id we do not know, kept (shortened) to say so on the page.
    Unknown(String),
}

impl Widget {
    /// Reads an id: kept to `[A-Za-z0-9-]`, at most 40 characters, then matched, so the
    /// id a link writes back is the one it was read as. `None` when nothing usable is left.
    pub fn parse_param(raw: &str) -> Option<Widget> {
        let id: String = raw
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
            .take(40)
            .collect();
        (!id.is_empty()).then(|| Widget::parse(&id))
    }

    pub fn parse(id: &str) -> Widget {
        match id {
            "overview" => Widget::Overview,
            "board" => Widget::Board,
            "stakeholders" => Widget::Stakeholders,
            _ => match GROUPS.iter().find(|g| g.id == id) {
                Some(g) => Widget::Group(g.id),
                None => Widget::Unknown(
                    id.chars()
                        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
                        .take(40)
                        .collect(),
                ),
            },
        }
    }

    /// The id as written in URLs.
    pub fn id(&self) -> &str {
        match self {
            Widget::Overview => "overview",
            Widget::Board => "board",
            Widget::Stakeholders => "stakeholders",
            Widget::Group(id) => id,
            Widget::Unknown(id) => id,
        }
    }
}

/// Every widget id, for the README and the "unknown widget" message.
pub fn widget_ids() -> Vec<&'static str> {
    let mut ids = vec!["overview", "board", "stakeholders"];
    ids.extend(GROUPS.iter().filter(|g| g.id != "board").map(|g| g.id));
    ids
}

/// The message an embedded widget posts to its parent with its content height.
pub fn height_message(widget: &str, height: u32) -> String {
    serde_json::json!({ "type": "esg-explorer:height", "widget": widget, "height": height }).to_string()
}

/// The same height in Datawrapper's shape, which many CMSs already handle.
pub fn datawrapper_message(widget: &str, height: u32) -> String {
    serde_json::json!({ "datawrapper-height": { widget: height } }).to_string()
}

/// The snippet an annual-report editor pastes: the iframe and the self-hosted `embed.js`.
/// `base` is the site root's URL (ends with `/`); `page` the widget's page and query
/// (`en/embed/ghg/?measure=per-employee`, `explorer/src/pages.rs`); `integrity` the SRI
/// hash of `embed.js` (the app's build computes it), so a host page runs that file only
/// as it was built.
pub fn snippet(base: &str, page: &str, title: &str, integrity: &str) -> String {
    let title = title.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;");
    format!(
        "<iframe src=\"{base}{page}\" data-esg-explorer title=\"{title}\" style=\"width:100%;border:0\" height=\"420\" loading=\"lazy\"></iframe>\n<script src=\"{base}embed.js\" integrity=\"{integrity}\" crossorigin=\"anonymous\" defer></script>"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_parse_and_unknown_ids_are_kept_safely() {
        assert_eq!(Widget::parse("overview"), Widget::Overview);
        assert_eq!(Widget::parse("ghg"), Widget::Group("ghg"));
        assert_eq!(Widget::parse("board"), Widget::Board);
        assert_eq!(Widget::parse("<script>x"), Widget::Unknown("scriptx".into()));
        for id in widget_ids() {
            assert!(!matches!(Widget::parse(id), Widget::Unknown(_)), "{id}");
            assert_eq!(Widget::parse(id).id(), id);
        }
        assert!(widget_ids().contains(&"turnover"));
    }

    #[test]
    fn the_readme_lists_every_widget_id() {
        let readme = include_str!("../../README.md");
        for id in widget_ids() {
            assert!(
                readme.contains(&format!("`{id}`")),
                "README.md does not list widget `{id}`"
            );
        }
    }

    #[test]
    fn messages_and_snippet() {
        let m: serde_json::Value = serde_json::from_str(&height_message("ghg", 420)).unwrap();
        assert_eq!(m["type"], "esg-explorer:height");
        assert_eq!(m["height"], 420);
        let d: serde_json::Value = serde_json::from_str(&datawrapper_message("ghg", 420)).unwrap();
        assert_eq!(d["datawrapper-height"]["ghg"], 420);
        let s = snippet(
            "https://ir.example/esg/2022/",
            "en/embed/ghg/",
            "GHG \"emissions\"",
            "sha384-x",
        );
        assert!(s.contains("src=\"https://ir.example/esg/2022/en/embed/ghg/\""));
        assert!(s.contains(
            "<script src=\"https://ir.example/esg/2022/embed.js\" integrity=\"sha384-x\" crossorigin=\"anonymous\" defer></script>"
        ));
        assert!(s.contains("title=\"GHG &quot;emissions&quot;\""));
    }
}
