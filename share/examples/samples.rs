//! Renders the two sample cards (Chinese and English) into a folder, to look at by eye:
//! `cargo run -p esg-share --example samples -- /tmp/share-samples`.

use std::time::Instant;

use esg_share::{load_fonts, missing_glyphs, png, Card};

fn main() -> Result<(), String> {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "/tmp/share-samples".to_string());
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {dir}: {e}"))?;
    let started = Instant::now();
    let fonts = load_fonts()?;
    println!("fonts loaded in {:?}", started.elapsed());
    let cards = [
        (
            "zh-Hant",
            Card {
                lang: "zh-Hant",
                eyebrow: "醫脈通 Medlive · HKEX: 2192",
                title: "2022 ESG 數據瀏覽 · 環境",
                figure: Some(("67.396 噸二氧化碳當量", "範圍二溫室氣體排放量 · 2022年")),
                footer: "資料來源：醫脈通 2022 年環境、社會及管治報告",
            },
        ),
        (
            "en",
            Card {
                lang: "en",
                eyebrow: "Medlive · HKEX: 2192",
                title: "2022 ESG Explorer · Environment",
                figure: Some(("67.396 tCO₂e", "Scope 2 GHG emissions, 2022")),
                footer: "Source: Medlive 2022 ESG Report",
            },
        ),
    ];
    for (name, card) in &cards {
        let missing = missing_glyphs(card, &fonts);
        if !missing.is_empty() {
            return Err(format!("{name}: the fonts cannot draw {missing:?}"));
        }
        let started = Instant::now();
        let bytes = png(card, &fonts)?;
        let elapsed = started.elapsed();
        let path = format!("{dir}/{name}.png");
        std::fs::write(&path, &bytes).map_err(|e| format!("cannot write {path}: {e}"))?;
        println!("{path}: {} bytes in {elapsed:?}", bytes.len());
    }
    Ok(())
}
