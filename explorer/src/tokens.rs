//! Design tokens the charts share with the CSS (`style/main.css` declares the same values
//! as custom properties; a test keeps the two equal).

/// Okabe–Ito colours: distinguishable with the common colour-vision deficiencies.
pub const SERIES: [&str; 7] = [
    "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442",
];

/// The comparative year in year-comparison charts (muted), then the report year; with
/// several reports, the years before the comparative one in neutral grey (another lightness
/// and no hue, so three years stay apart without colour vision, on light and dark pages).
pub const YEAR_PREVIOUS: &str = "#9AB8D3";
pub const YEAR_CURRENT: &str = "#0072B2";
pub const YEAR_EARLIER: &str = "#7B8794";

/// Text and grid colours for charts on the light background.
pub const INK: &str = "#1F2933";
pub const INK_MUTED: &str = "#52606D";
pub const GRID: &str = "#D9E2EC";

/// Chart text and grid colours on the dark background (`prefers-color-scheme: dark`).
pub const INK_DARK: &str = "#E4E7EB";
pub const INK_MUTED_DARK: &str = "#B8C2CC";
pub const GRID_DARK: &str = "#3E4C59";

/// The page background, light and dark (also behind an exported chart PNG).
pub const PAPER: &str = "#FFFFFF";
pub const PAPER_DARK: &str = "#12181F";

/// Light or dark page, as the reader's system prefers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Theme {
    #[default]
    Light,
    Dark,
}

impl Theme {
    /// (text, muted text, grid lines) for charts.
    pub fn inks(self) -> (&'static str, &'static str, &'static str) {
        match self {
            Theme::Light => (INK, INK_MUTED, GRID),
            Theme::Dark => (INK_DARK, INK_MUTED_DARK, GRID_DARK),
        }
    }

    /// The page background.
    pub fn paper(self) -> &'static str {
        match self {
            Theme::Light => PAPER,
            Theme::Dark => PAPER_DARK,
        }
    }
}

/// Each token as it appears in the stylesheet (`--name: value`).
pub const CSS_TOKENS: &[(&str, &str)] = &[
    ("--series-1", SERIES[0]),
    ("--series-2", SERIES[1]),
    ("--series-3", SERIES[2]),
    ("--series-4", SERIES[3]),
    ("--series-5", SERIES[4]),
    ("--series-6", SERIES[5]),
    ("--series-7", SERIES[6]),
    ("--year-previous", YEAR_PREVIOUS),
    ("--year-current", YEAR_CURRENT),
    ("--year-earlier", YEAR_EARLIER),
    ("--ink", INK),
    ("--ink-muted", INK_MUTED),
    ("--grid", GRID),
    ("--paper", PAPER),
];

#[cfg(test)]
mod tests {
    use super::*;

    /// The stylesheet declares every token with the same value (one source of truth).
    #[test]
    fn css_declares_the_same_tokens() {
        let css = include_str!("../../style/main.css");
        for (name, value) in CSS_TOKENS {
            assert!(
                css.contains(&format!("{name}: {value};")),
                "style/main.css lacks `{name}: {value};`"
            );
        }
        for (name, value) in [
            ("--ink", INK_DARK),
            ("--ink-muted", INK_MUTED_DARK),
            ("--grid", GRID_DARK),
            ("--paper", PAPER_DARK),
        ] {
            assert!(
                css.contains(&format!("{name}: {value};")),
                "dark: style/main.css lacks `{name}: {value};`"
            );
        }
    }
}
