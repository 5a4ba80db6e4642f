//! The cards as a person sees them: real PNGs, Chinese that draws, text that stays inside.

use esg_share::{
    layout, load_fonts, load_fonts_from, missing_glyphs, parse, png, svg, usvg, Card, Fonts, Line, Role, HEIGHT,
    TEXT_BOTTOM, TEXT_LEFT, TEXT_RIGHT, TEXT_TOP, WIDTH,
};

fn fonts() -> Fonts {
    load_fonts().expect("the Noto CJK fonts (Debian's fonts-noto-cjk) are installed")
}

fn card<'a>(lang: &'a str, title: &'a str, footer: &'a str) -> Card<'a> {
    Card {
        lang,
        eyebrow: "醫脈通 Medlive · HKEX: 2192",
        title,
        figure: None,
        footer,
    }
}

/// The decoded picture: width, height and RGBA bytes.
fn decode(bytes: &[u8]) -> (u32, u32, Vec<u8>) {
    let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    let mut reader = decoder.read_info().expect("a PNG header");
    let mut pixels = vec![0; reader.output_buffer_size().expect("a sane size")];
    let info = reader.next_frame(&mut pixels).expect("PNG pixels");
    assert_eq!(info.color_type, png::ColorType::Rgba);
    pixels.truncate(info.buffer_size());
    (info.width, info.height, pixels)
}

/// Pixels darker than mid-grey inside the given line boxes.
fn dark_pixels(pixels: &[u8], boxes: &[Line]) -> usize {
    let mut count = 0;
    for line in boxes {
        for y in line.top as u32..line.bottom.ceil() as u32 {
            for x in line.x as u32..(line.x + line.width).ceil() as u32 {
                let i = ((y * WIDTH + x) * 4) as usize;
                if pixels[i..i + 3].iter().all(|&c| c < 100) {
                    count += 1;
                }
            }
        }
    }
    count
}

fn title_lines(lines: &[Line]) -> Vec<Line> {
    lines.iter().filter(|line| line.role == Role::Title).cloned().collect()
}

#[test]
fn png_has_the_signature_and_a_1200_by_630_header() {
    let fonts = fonts();
    let bytes = png(
        &card(
            "en",
            "2022 ESG Explorer · Environment",
            "Source: Medlive 2022 ESG Report",
        ),
        &fonts,
    )
    .unwrap();
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
    assert_eq!(&bytes[12..16], b"IHDR");
    assert_eq!(u32::from_be_bytes(bytes[16..20].try_into().unwrap()), 1200);
    assert_eq!(u32::from_be_bytes(bytes[20..24].try_into().unwrap()), 630);
    let (width, height, _) = decode(&bytes);
    assert_eq!((width, height), (WIDTH, HEIGHT));
}

#[test]
fn chinese_title_draws_dark_pixels_and_an_empty_title_none() {
    let fonts = fonts();
    let chinese = card(
        "zh-Hant",
        "數據瀏覽 環境",
        "資料來源：醫脈通 2022 年環境、社會及管治報告",
    );
    assert_eq!(missing_glyphs(&chinese, &fonts), Vec::<char>::new());
    let region = title_lines(&layout(&chinese, &fonts));
    assert_eq!(region.len(), 1);

    let (_, _, pixels) = decode(&png(&chinese, &fonts).unwrap());
    let inked = dark_pixels(&pixels, &region);
    assert!(
        inked > 2_000,
        "only {inked} dark pixels where the Chinese title should be"
    );

    let empty = card("zh-Hant", "", chinese.footer);
    assert!(title_lines(&layout(&empty, &fonts)).is_empty());
    let (_, _, pixels) = decode(&png(&empty, &fonts).unwrap());
    assert_eq!(dark_pixels(&pixels, &region), 0);
}

#[test]
fn different_chinese_titles_draw_different_glyphs_not_the_same_empty_boxes() {
    let fonts = fonts();
    let a = card("zh-Hant", "數據", "");
    let b = card("zh-Hant", "環境", "");
    let region = title_lines(&layout(&a, &fonts));
    assert_eq!(region[0].width, title_lines(&layout(&b, &fonts))[0].width);
    let (_, _, pa) = decode(&png(&a, &fonts).unwrap());
    let (_, _, pb) = decode(&png(&b, &fonts).unwrap());
    let line = &region[0];
    let differing = (line.top as u32..line.bottom as u32)
        .flat_map(|y| (line.x as u32..(line.x + line.width) as u32).map(move |x| ((y * WIDTH + x) * 4) as usize))
        .filter(|&i| pa[i..i + 3] != pb[i..i + 3])
        .count();
    assert!(
        differing > 1_000,
        "only {differing} pixels differ between two Chinese titles"
    );
}

/// Every line inside the margins, no more lines than its role allows, blocks not overlapping.
fn assert_fits(card: &Card, fonts: &Fonts) -> Vec<Line> {
    let lines = layout(card, fonts);
    for line in &lines {
        assert!(
            line.x >= TEXT_LEFT && line.x + line.width <= TEXT_RIGHT,
            "too wide: {line:?}"
        );
        assert!(
            line.top >= TEXT_TOP - 0.01 && line.bottom <= TEXT_BOTTOM + 0.01,
            "too tall: {line:?}"
        );
        assert!(line.width > 0.0, "empty line: {line:?}");
    }
    for pair in lines.windows(2) {
        // The rule above the footer sits 20 px above its first line: keep room for it.
        let room = if pair[0].role != Role::Footer && pair[1].role == Role::Footer {
            24.0
        } else {
            0.0
        };
        assert!(pair[0].bottom + room <= pair[1].top, "lines overlap: {pair:?}");
    }
    let count = |role| lines.iter().filter(|line| line.role == role).count();
    assert!(count(Role::Title) <= 2);
    assert!(count(Role::Footer) <= 2);
    assert!(count(Role::Eyebrow) <= 1 && count(Role::Figure) <= 1 && count(Role::FigureLabel) <= 1);
    lines
}

#[test]
fn very_long_english_and_chinese_text_stays_inside_the_margins() {
    let fonts = fonts();
    let long_en = "Environmental, Social and Governance Explorer · Greenhouse gas emissions, energy, water, \
                   waste and packaging materials across every office and warehouse of the group in 2022";
    let long_zh = "環境、社會及管治數據瀏覽 · 溫室氣體排放、能源、用水、廢棄物及包裝材料，涵蓋集團二零二二年\
                   所有辦公室及倉庫的全部數據，並與過往年度比較（以噸二氧化碳當量計）";
    let long_footer_en = "Source: Medlive Technology Co., Ltd. 2022 Environmental, Social and Governance Report, \
                          pages 12 to 48, figures as published and not audited by the explorer's authors";
    let long_footer_zh = "資料來源：醫脈通科技有限公司二零二二年環境、社會及管治報告第十二至四十八頁，\
                          數據按原文刊載，未經本瀏覽器作者審核，如有歧異以報告原文為準。";
    let label = "Scope 1 and scope 2 greenhouse gas emissions per million yuan of revenue, 2022";
    for (lang, title, footer) in [("en", long_en, long_footer_en), ("zh-Hant", long_zh, long_footer_zh)] {
        let mut card = card(lang, title, footer);
        let lines = assert_fits(&card, &fonts);
        let title: Vec<_> = title_lines(&lines);
        assert_eq!(title.len(), 2, "{lang}: a long title uses both lines");
        assert!(
            title[1].text.ends_with('…'),
            "{lang}: cut text ends in an ellipsis: {title:?}"
        );
        card.figure = Some(("1,234,567.891 tCO₂e per million RMB of revenue", label));
        assert_fits(&card, &fonts);
    }
    // Tallest layout without shrinking: a two-line title and footer at full size, and a figure.
    let mut tall = card("en", "2022 ESG Explorer · Environment", long_footer_en);
    tall.figure = Some(("67.396 tCO₂e", "Scope 2 GHG emissions, 2022"));
    let lines = assert_fits(&tall, &fonts);
    let sizes = |role| {
        lines
            .iter()
            .filter(|line| line.role == role)
            .map(|line| line.size)
            .collect::<Vec<_>>()
    };
    assert_eq!(sizes(Role::Title), [64.0, 64.0]);
    assert_eq!(sizes(Role::Footer), [24.0, 24.0]);
    let unbroken = "https://example.com/".repeat(20);
    assert_fits(&card("en", &unbroken, &unbroken), &fonts);
}

#[test]
fn a_wrapped_separator_dot_is_dropped_at_the_line_end() {
    let fonts = fonts();
    let lines = layout(&card("en", "2022 ESG Explorer · Environment", ""), &fonts);
    let title: Vec<String> = title_lines(&lines).into_iter().map(|line| line.text).collect();
    assert_eq!(title, ["2022 ESG Explorer", "Environment"]);
}

#[test]
fn measured_widths_are_the_widths_resvg_draws() {
    let fonts = fonts();
    for card in [
        Card {
            lang: "zh-Hant",
            eyebrow: "醫脈通 Medlive · HKEX: 2192",
            title: "2022 ESG 數據瀏覽 · 環境",
            figure: Some(("67.396 噸二氧化碳當量", "範圍二溫室氣體排放量 · 2022年")),
            footer: "資料來源：醫脈通 2022 年環境、社會及管治報告",
        },
        Card {
            lang: "en",
            eyebrow: "Medlive · HKEX: 2192",
            title: "2022 ESG Explorer · Environment",
            figure: Some(("67.396 tCO₂e", "Scope 2 GHG emissions, 2022")),
            footer: "Source: Medlive 2022 ESG Report",
        },
    ] {
        let lines = layout(&card, &fonts);
        let tree = parse(&svg(&card, &fonts), card.lang, &fonts).unwrap();
        let drawn: Vec<f32> = tree
            .root()
            .children()
            .iter()
            .filter_map(|node| match node {
                usvg::Node::Text(text) => Some(text.bounding_box().width()),
                _ => None,
            })
            .collect();
        assert_eq!(drawn.len(), lines.len());
        for (line, width) in lines.iter().zip(drawn) {
            assert!((line.width - width).abs() < 0.5, "{line:?} is drawn {width} px wide");
        }
    }
}

#[test]
fn markup_characters_are_escaped_and_the_svg_parses() {
    let fonts = fonts();
    let card = card("en", r#"Water <&> "waste" 'n' stuff"#, "a < b & c > d");
    let document = svg(&card, &fonts);
    assert!(document.contains("Water &lt;&amp;&gt; &quot;waste&quot; &apos;n&apos; stuff"));
    assert!(document.contains("a &lt; b &amp; c &gt; d"));
    let tree = parse(&document, card.lang, &fonts).expect("escaped text is valid SVG");
    let texts: Vec<String> = tree
        .root()
        .children()
        .iter()
        .filter_map(|node| match node {
            usvg::Node::Text(text) => Some(text.chunks().iter().map(|chunk| chunk.text()).collect()),
            _ => None,
        })
        .collect();
    assert!(
        texts.iter().any(|text| text == r#"Water <&> "waste" 'n' stuff"#),
        "{texts:?}"
    );
}

#[test]
fn svg_names_font_families_and_no_files() {
    let fonts = fonts();
    let document = svg(&card("zh-Hant", "環境", "資料來源"), &fonts);
    assert!(document.contains(r#"font-family="Noto Sans CJK TC""#));
    let document = document.replace(r#"xmlns="http://www.w3.org/2000/svg""#, "");
    for forbidden in ["url(", "href", "@font-face", ".ttc", ".otf", "http"] {
        assert!(!document.contains(forbidden), "SVG mentions {forbidden}");
    }
}

#[test]
fn subscript_digits_are_drawn_and_unknown_characters_reported() {
    let fonts = fonts();
    let mut card = card("en", "Emissions", "");
    card.figure = Some(("67.396 tCO₂e", "Scope 2"));
    assert_eq!(missing_glyphs(&card, &fonts), Vec::<char>::new());
    assert!(svg(&card, &fonts).contains(r#"baseline-shift="sub">2</tspan>"#));
    card.title = "Emissions \u{1F30D}";
    assert_eq!(missing_glyphs(&card, &fonts), vec!['\u{1F30D}']);
}

#[test]
fn missing_fonts_error_names_the_files_and_the_debian_package() {
    let dir = std::env::temp_dir().join(format!("esg-share-no-fonts-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let error = load_fonts_from(&dir).err().expect("an empty folder has no fonts");
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(error.contains("fonts-noto-cjk"), "{error}");
    assert!(
        error.contains("NotoSansCJK-Regular.ttc") && error.contains("NotoSansCJK-Bold.ttc"),
        "{error}"
    );
}

#[test]
fn fonts_can_be_shared_between_threads() {
    fn shareable<T: Send + Sync>() {}
    shareable::<Fonts>();
}
