//! Design tokens the charts share with the CSS (`style/main.css` declares the same values
//! as custom properties; a test keeps the two equal).

/// Okabe–Ito colours: distinguishable with the common colour-vision deficiencies.
pub const SERIES: [&str; 7] = [
    "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442",
];

/// The comparative year in year-comparison charts (muted), then the report year.
pub const YEAR_PREVIOUS: &str = "#9AB8D3";
pub const YEAR_CURRENT: &str = "#0072B2";

/// Text and grid colours for charts on the light background.
pub const INK: &str = "#1F2933";
pub const INK_MUTED: &str = "#52606D";
pub const GRID: &str = "#D9E2EC";

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
    ("--ink", INK),
    ("--ink-muted", INK_MUTED),
    ("--grid", GRID),
];
