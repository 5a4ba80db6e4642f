//! Every string the UI shows that is not report data, in both languages.
//!
//! A hand-written catalogue rather than `leptos_i18n`: two fixed languages, no plural
//! rules beyond what a sentence template needs, and the catalogue must also serve the
//! native chart builders (aria descriptions, axis names) without a Leptos context. The
//! macro makes a key without both languages a compile error; a test checks none is empty.
//!
//! No message names a report year or date: the ones about the report (the title, the
//! source line, the board's date, …) say `{year}`, `{previous}`, `{period_end}` or `{change}`, which
//! [`Msg::for_report`] fills from the dataset, so a site built from next year's report says
//! its own year.

use esg_data::{Lang, Report};

macro_rules! messages {
    ($($key:ident => ($zh:expr, $en:expr),)*) => {
        /// A message key.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Msg { $($key,)* }

        impl Msg {
            /// Every key, for tests.
            pub const ALL: &'static [Msg] = &[$(Msg::$key,)*];

            /// The message in `lang`.
            pub fn text(self, lang: Lang) -> &'static str {
                let (zh, en) = match self { $(Msg::$key => ($zh, $en),)* };
                match lang {
                    Lang::ZhHant => zh,
                    Lang::En => en,
                }
            }
        }
    };
}

messages! {
    AppTitle => ("醫脈通 {year} ESG 數據瀏覽", "Medlive {year} ESG data explorer"),
    Issuer => ("醫脈通（香港聯交所：{code}）", "Medlive (HKEX: {code})"),
    YearEnded => ("截至{year}年12月31日止年度", "Year ended 31 December {year}"),
    ReportItself => ("報告", "Report"),
    AppDescription => (
        "醫脈通《{year}年環境、社會及管治報告》的關鍵績效：環境、社會及管治數據，附{previous}年比較數字。",
        "Key performance indicators from Medlive's {year} ESG report: environmental, social and governance data with {previous} comparatives."
    ),
    SkipToContent => ("跳至內容", "Skip to content"),
    Views => ("檢視", "Views"),
    ViewOverview => ("概覽", "Overview"),
    ViewEnvironment => ("環境", "Environment"),
    ViewSocial => ("社會", "Social"),
    ViewGovernance => ("管治", "Governance"),
    OtherLanguage => ("English", "繁體中文"),
    SwitchLanguage => ("Switch to English", "切換至繁體中文"),
    ModeChart => ("圖表", "Chart"),
    ModeTable => ("表格", "Table"),
    ShowAs => ("顯示方式", "Show as"),
    Absolute => ("總量", "Total"),
    PerEmployee => ("人均", "Per employee"),
    Indicator => ("指標", "Indicator"),
    Unit => ("單位", "Unit"),
    Change => ("變化", "Change"),
    SortBy => ("排序", "Sort by"),
    NotDisclosed => ("未披露", "not disclosed"),
    NotApplicableChange => ("不適用", "n/a"),
    Unchanged => ("持平", "unchanged"),
    Improved => ("改善", "improved"),
    Worsened => ("轉差", "worsened"),
    NoDirection => ("無好壞之分", "neither better nor worse"),
    TotalLabel => ("總量：", "Total: "),
    ImprovedPerEmployee => ("人均改善", "improved per employee"),
    WorsenedPerEmployee => ("人均轉差", "worsened per employee"),
    VerdictRule => (
        "有人均數字的指標按人均變化評價，總量變化不作評價（員工總數{change}）。",
        "Where the report gives a figure per employee, the verdict judges that figure, not the total (total employees {change})."
    ),
    VsYear => ("較{year}年", "vs {year}"),
    HkexKpi => ("香港聯交所關鍵績效指標", "HKEX KPI"),
    Source => ("資料來源", "Source"),
    SourceReport => ("醫脈通《{year}年環境、社會及管治報告》", "Medlive, {year} Environmental, Social and Governance Report"),
    Prevails => ("報告以繁體中文版本為準；英文標籤為本站翻譯。", "The Chinese version of the report prevails; English labels are our translation."),
    Printed => ("列印日期：{date}", "Printed {date}"),
    PrintedFrom => ("網址：{url}", "From {url}"),
    Discrepancy => ("報告數據不一致", "The report's figures disagree"),
    Note => ("註", "Note"),
    Headlines => ("主要數據", "Headline figures"),
    SeeDetails => ("查看詳情", "See details"),
    SearchLabel => ("搜尋指標（名稱或聯交所編號）", "Search KPIs (name or HKEX code)"),
    SearchNoMatch => ("沒有相符的指標", "No matching KPI"),
    CopyLink => ("複製連結", "Copy link"),
    LinkCopied => ("已複製連結", "Link copied"),
    Year => ("年份", "Year"),
    YearLabel => ("{year}年", "{year}"),
    AriaRose => ("{name}由{from}上升至{to}{unit}（{pct}）。", "{name} rose from {from} to {to} {unit} ({pct})."),
    AriaFell => ("{name}由{from}下降至{to}{unit}（{pct}）。", "{name} fell from {from} to {to} {unit} ({pct})."),
    AriaSame => ("{name}維持在{to}{unit}。", "{name} was unchanged at {to} {unit}."),
    AriaOnly => ("{name}於{year}年為{to}{unit}。", "{name} was {to} {unit} in {year}."),
    AriaChartIntro => ("圖表：{title}。", "Chart: {title}."),
    StaticVersion => (
        "此為靜態版本：互動圖表需要 JavaScript 與 WebAssembly；所有數字見各表格。",
        "This is the static version of the page: the interactive charts need JavaScript and WebAssembly; every figure is in the tables."
    ),
    ErrorTitle => ("無法載入互動圖表", "The interactive charts could not load"),
    ErrorBody => ("請重新整理頁面，或閱讀報告原文。", "Please reload the page, or read the report itself."),
    ReportLink => ("醫脈通投資者關係網站", "Medlive investor relations"),
    GroupGhg => ("溫室氣體排放", "Greenhouse gas emissions"),
    GroupHazardousWaste => ("有害廢棄物", "Hazardous waste"),
    GroupNonHazardousWaste => ("無害廢棄物", "Non-hazardous waste"),
    GroupRecycledWaste => ("回收的無害廢棄物", "Non-hazardous waste recycled"),
    GroupEnergy => ("外購電力", "Purchased electricity"),
    GroupWater => ("耗水量", "Water consumption"),
    GroupWorkforceGender => ("按性別劃分的員工", "Employees by gender"),
    GroupWorkforceAge => ("按年齡劃分的員工", "Employees by age"),
    GroupWorkforceRank => ("按職級劃分的員工", "Employees by rank"),
    GroupWorkforceRegion => ("按地區劃分的員工", "Employees by region"),
    GroupWorkforceType => ("按僱傭類型劃分的員工", "Employees by employment type"),
    GroupWorkforceCoverage => ("勞動合同及社會保險", "Labour contracts and social insurance"),
    GroupTurnover => ("員工流失率", "Employee turnover rates"),
    GroupTrainedGender => ("按性別劃分的受訓員工", "Employees trained by gender"),
    GroupTrainedRank => ("按職級劃分的受訓員工", "Employees trained by rank"),
    GroupTrainingShares => ("受訓員工比例", "Shares of employees trained"),
    GroupTrainingHoursGender => ("按性別劃分的培訓時長", "Training hours by gender"),
    GroupTrainingHoursRank => ("按職級劃分的培訓時長", "Training hours by rank"),
    GroupTrainingSpend => ("培訓費用", "Training expenditure"),
    GroupSafetyTraining => ("職業安全及健康培訓", "Health and safety training"),
    GroupHealthSafety => ("員工健康和安全", "Employee health and safety"),
    GroupSuppliersRegion => ("按地區劃分的供應商", "Suppliers by region"),
    GroupSuppliersCities => ("供應商最多的城市", "Cities with the most suppliers"),
    GroupCustomerService => ("客戶服務", "Customer service"),
    GroupCommunity => ("社區投資", "Community investment"),
    GroupBoard => ("董事會多元化", "Board diversity"),
    GroupAntiCorruption => ("反貪污", "Anti-corruption"),
    BoardByRole => ("職務", "Role"),
    BoardByGender => ("性別", "Gender"),
    BoardByAge => ("年齡", "Age"),
    RoleExecutive => ("執行董事", "Executive"),
    RoleNonExecutive => ("非執行董事", "Non-executive"),
    RoleIndependent => ("獨立非執行董事", "Independent non-executive"),
    GenderFemale => ("女性", "Female"),
    GenderMale => ("男性", "Male"),
    Age30To50 => ("30-50歲", "30–50"),
    AgeOver50 => ("50歲以上", "Over 50"),
    Directors => ("董事人數", "Directors"),
    AsOf => ("截至{date}", "As at {date}"),
    NotDisclosedList => ("未披露：{items}", "Not disclosed: {items}"),
    ZeroList => ("報告數值為零：{items}", "Reported as zero: {items}"),
    TotalsOnly => ("以總量顯示：人均數值不適用於此圖表。", "Shown as totals: per employee does not apply to this chart."),
    PerEmployeeNone => ("人均數值不適用：此頁的圖表均無人均數值。", "Per employee does not apply here: no chart on this page has a per-employee figure."),
    ViewBoard => ("董事會", "Board"),
    ViewStakeholders => ("持份者", "Stakeholders"),
    ViewMateriality => ("重要性議題", "Materiality"),
    ViewHighlights => ("亮點與大事記", "Highlights"),
    ViewIndex => ("聯交所內容索引", "HKEX index"),
    More => ("更多", "More"),
    Expectations => ("期望", "Expectations"),
    Channels => ("溝通機制", "Channels"),
    StakeholderMapDescription => (
        "持份者溝通圖：{company}位於中心，{count}類持份者：{groups}。",
        "Stakeholder map: {company} at the centre with {count} stakeholder groups: {groups}."
    ),
    StakeholderPick => ("點選持份者類別，只看其期望及溝通機制；未選時列出全部。", "Tap a group to see only its expectations and channels; with none chosen, every group is listed."),
    StakeholderAll => ("顯示全部{count}類持份者", "Show all {count} groups"),
    StakeholderAllShown => ("全部{count}類持份者", "All {count} groups"),
    SharedWith => ("亦見於：{groups}", "Also listed for: {groups}"),
    Uncertain => ("報告排版未能確定此項所屬類別", "The report's layout does not settle which group this item belongs to"),
    BoardAsOfPeriodEnd => ("{period_end}", "{period_end}"),
    BoardAsOfChange => ("{change}起", "From {change}"),
    BoardShows => ("顯示日期", "Board as at"),
    BoardMatches => ("與報告的董事會多元化表相符", "Matches the report's board diversity table"),
    BoardDiffers => ("與報告的董事會多元化表（截至{period_end}）不同：此為報告期後的變動", "Differs from the report's table (as at {period_end}): this reflects the change after the period"),
    Roster => ("董事名單", "Directors"),
    Name => ("姓名", "Name"),
    Gender => ("性別", "Gender"),
    Age => ("年齡", "Age"),
    Role => ("職務", "Role"),
    ListingRules => ("香港上市規則檢查", "Hong Kong Listing Rules checks"),
    RuleThreeIneds => ("獨立非執行董事至少三名", "At least three independent non-executive directors"),
    RuleOneThird => ("獨立非執行董事佔董事會至少三分之一", "Independent non-executive directors are at least one third of the board"),
    RuleGender => ("董事會並非單一性別", "The board is not of a single gender"),
    RuleSource => ("《主板上市規則》第{rule}條", "Main Board Listing Rule {rule}"),
    Pass => ("符合", "Met"),
    Fail => ("不符合", "Not met"),
    Independence => ("獨立非執行董事比例", "Independence"),
    Appointed => ("於{date}獲委任", "Appointed {date}"),
    Ceased => ("辭任生效：{date}", "Ceased {date}"),
    RomanisationGuess => ("日文讀音為推測", "Japanese reading guessed"),
    NamesRomanised => ("報告未載英文姓名；英文姓名為本站譯寫。", "The report gives no English names; these are our romanisation."),
    AreaGovernance => ("企業管治", "Governance"),
    AreaEnvironment => ("環境", "Environment"),
    AreaSocial => ("社會", "Social"),
    MaterialityNote => (
        "議題按報告列示次序；報告的重要性矩陣位置無法從文字還原，故不顯示。",
        "Topics in the report's order; the positions in the report's materiality matrix cannot be recovered from its text, so none are shown."
    ),
    BusinessHighlights => ("業務亮點", "Business highlights"),
    Milestones => ("{year}年大事記", "{year} milestones"),
    DataCentres => ("數據中心", "Data centres"),
    Certifications => ("認證", "Certifications"),
    Previously => ("{year}年：{value}", "{year}: {value}"),
    IndexCoverage => (
        "{total}個關鍵績效指標：{data}個有數據，{narrative}個以文字披露，{na}個不適用。",
        "{total} KPI codes: {data} with figures here, {narrative} reported in text, {na} not applicable."
    ),
    GeneralDisclosure => ("一般披露", "General disclosure"),
    NotApplicable => ("不適用", "Not applicable"),
    Sections => ("相關章節", "Report section"),
    OpenKpi => ("查看數據", "See the figures"),
    Code => ("編號", "Code"),
    Description => ("內容", "Description"),
    DownloadCsv => ("下載CSV", "Download CSV"),
    DownloadPng => ("下載PNG", "Download PNG"),
    DownloadAllCsv => ("下載全部數據（CSV）", "Download all data (CSV)"),
    DownloadAllJson => ("下載全部數據（JSON）", "Download all data (JSON)"),
    DataFiles => ("數據檔案", "Data files"),
    DataFileCsv => ("長格式CSV", "Long-format CSV"),
    DataFileJson => ("JSON格式", "JSON"),
    DataFilePackage => ("數據包描述", "Data Package"),
    DataFileReadme => ("說明及引用", "About and citing"),
    DataFileRows => ("{rows}行", "{rows} rows"),
    DataFileRestatements => ("重列數據", "Restated figures"),
    // A figure a later report restated (several reports merged): both figures, both reports.
    // A KPI the newest report no longer has (several reports merged): it keeps its years.
    NotInLatest => ("最新報告未載；最後見於{year}年報告", "not in the latest report; last in the {year} report"),
    RestatedCell => ("{value}（重列；{report}年報告原列{was}）", "{value} (restated; {was} in the {report} report)"),
    AriaRestated => (
        "{name}的{year}年數字經{now}年報告重列為{value}{unit}，{report}年報告原列{was}{unit}。",
        "{name} for {year} restated by the {now} report as {value} {unit}; the {report} report gave {was} {unit}."
    ),
    Embed => ("嵌入", "Embed"),
    EmbedHelp => ("將以下代碼貼到年報網頁，圖表會自動調整高度。", "Paste this into the annual-report page; the widget sizes itself."),
    CopyCode => ("複製代碼", "Copy code"),
    CodeCopied => ("已複製代碼", "Code copied"),
    Share => ("分享", "Share"),
    UnknownWidget => ("沒有名為「{id}」的圖表。可用的圖表：{ids}", "There is no widget called “{id}”. Available widgets: {ids}"),
    OpenInExplorer => ("在數據瀏覽中開啟", "Open in the explorer"),
    ViewDescription => ("{view}：{description}", "{view}: {description}"),
    Footer => (
        "數據摘自醫脈通《{year}年環境、社會及管治報告》；「/」表示報告未披露。",
        "Figures from Medlive's {year} ESG report; “not disclosed” marks the report's “/”."
    ),
}

impl Msg {
    /// The message with `{name}` placeholders filled.
    pub fn fill(self, lang: Lang, args: &[(&str, &str)]) -> String {
        let mut s = self.text(lang).to_owned();
        for (k, v) in args {
            s = s.replace(&format!("{{{k}}}"), v);
        }
        s
    }

    /// The message with the report's placeholders filled from the dataset: `{year}` the
    /// reporting year (2022), `{previous}` the year the changes compare with (2021,
    /// [`esg_data::Meta::latest_two`]), `{period_end}` the end of the reporting period, the
    /// date of the report's board-diversity table (`2022年12月31日`, `31 Dec 2022`), `{change}`
    /// the day the board changed after the period (`board_change`, `14 Apr 2023`). One
    /// helper for every message about the report, so a call site stays one call (and the
    /// wasm holds this code once).
    pub fn for_report(self, lang: Lang, report: &Report) -> String {
        let meta = &report.report;
        let (previous, year) = meta.latest_two();
        self.fill(
            lang,
            &[
                ("year", &year.to_string()),
                ("previous", &previous.to_string()),
                ("period_end", &crate::format::date(&meta.board_as_of, lang)),
                ("change", &crate::format::date(&meta.board_change, lang)),
            ],
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_has_both_languages() {
        for m in Msg::ALL {
            for lang in Lang::ALL {
                assert!(!m.text(lang).trim().is_empty(), "{m:?} has no {lang:?} text");
            }
            // A message that is only a placeholder (the board's date) is filled per language.
            let only_placeholder = m.text(Lang::En).starts_with('{') && m.text(Lang::En).ends_with('}');
            if !only_placeholder {
                assert_ne!(m.text(Lang::ZhHant), m.text(Lang::En), "{m:?} is not translated");
            }
        }
    }

    #[test]
    fn placeholders_match_across_languages() {
        for m in Msg::ALL {
            let holes = |s: &str| {
                let mut v: Vec<String> = s
                    .split('{')
                    .skip(1)
                    .filter_map(|p| p.split_once('}').map(|(k, _)| k.to_owned()))
                    .collect();
                v.sort();
                v
            };
            assert_eq!(holes(m.text(Lang::ZhHant)), holes(m.text(Lang::En)), "{m:?}");
        }
    }

    #[test]
    fn fill_replaces_placeholders() {
        assert_eq!(Msg::VsYear.fill(Lang::En, &[("year", "2021")]), "vs 2021");
        assert_eq!(Msg::VsYear.fill(Lang::ZhHant, &[("year", "2021")]), "較2021年");
    }

    /// The messages that name the report's years or its period end.
    const REPORT_MESSAGES: [Msg; 9] = [
        Msg::AppTitle,
        Msg::AppDescription,
        Msg::YearEnded,
        Msg::SourceReport,
        Msg::BoardAsOfPeriodEnd,
        Msg::BoardAsOfChange,
        Msg::BoardDiffers,
        Msg::Milestones,
        Msg::Footer,
    ];

    /// Whether `s` names a year of this century (`2022`) literally.
    fn names_a_year(s: &str) -> bool {
        s.as_bytes()
            .windows(4)
            .any(|w| w.starts_with(b"20") && w[2].is_ascii_digit() && w[3].is_ascii_digit())
    }

    #[test]
    fn the_report_messages_read_as_before_for_the_2022_report() {
        let r = esg_data::report_2022().expect("data");
        let expected = [
            (Msg::AppTitle, "醫脈通 2022 ESG 數據瀏覽", "Medlive 2022 ESG data explorer"),
            (
                Msg::AppDescription,
                "醫脈通《2022年環境、社會及管治報告》的關鍵績效：環境、社會及管治數據，附2021年比較數字。",
                "Key performance indicators from Medlive's 2022 ESG report: environmental, social and governance data with 2021 comparatives.",
            ),
            (Msg::YearEnded, "截至2022年12月31日止年度", "Year ended 31 December 2022"),
            (
                Msg::SourceReport,
                "醫脈通《2022年環境、社會及管治報告》",
                "Medlive, 2022 Environmental, Social and Governance Report",
            ),
            (Msg::BoardAsOfPeriodEnd, "2022年12月31日", "31 Dec 2022"),
            (Msg::BoardAsOfChange, "2023年4月14日起", "From 14 Apr 2023"),
            (
                Msg::BoardDiffers,
                "與報告的董事會多元化表（截至2022年12月31日）不同：此為報告期後的變動",
                "Differs from the report's table (as at 31 Dec 2022): this reflects the change after the period",
            ),
            (Msg::Milestones, "2022年大事記", "2022 milestones"),
            (
                Msg::Footer,
                "數據摘自醫脈通《2022年環境、社會及管治報告》；「/」表示報告未披露。",
                "Figures from Medlive's 2022 ESG report; “not disclosed” marks the report's “/”.",
            ),
        ];
        assert_eq!(expected.map(|e| e.0), REPORT_MESSAGES);
        for (m, zh, en) in expected {
            assert_eq!(m.for_report(Lang::ZhHant, &r), zh, "{m:?}");
            assert_eq!(m.for_report(Lang::En, &r), en, "{m:?}");
        }
    }

    #[test]
    fn the_report_messages_take_the_years_from_the_dataset() {
        let r = esg_data::report_2022().expect("data");
        // Next year's report, as an editor would start it from this one.
        let mut next = r.clone();
        next.report.year = 2023;
        next.report.comparative_years = vec![2022];
        next.report.board_as_of = "2023-12-31".to_owned();
        next.report.board_change = "2024-04-14".to_owned();
        for m in REPORT_MESSAGES {
            for lang in Lang::ALL {
                let now = m.for_report(lang, &r);
                let later = m.for_report(lang, &next);
                assert_eq!(
                    later,
                    now.replace("2023", "2024")
                        .replace("2022", "2023")
                        .replace("2021", "2022"),
                    "{m:?} {lang:?}"
                );
                // Only the comparative year may say 2022 (the description's "2022 comparatives").
                let previous = m.text(lang).contains("{previous}");
                assert!(previous || !later.contains("2022"), "{m:?} {lang:?}: {later}");
                assert!(!later.contains('{'), "{m:?} {lang:?}: {later}");
            }
        }
        // With only the year changed, the title and the source already follow it.
        let mut only_year = r.clone();
        only_year.report.year = 2023;
        assert_eq!(
            Msg::AppTitle.for_report(Lang::En, &only_year),
            "Medlive 2023 ESG data explorer"
        );
        assert_eq!(
            Msg::SourceReport.for_report(Lang::ZhHant, &only_year),
            "醫脈通《2023年環境、社會及管治報告》"
        );
    }

    #[test]
    fn no_other_message_names_a_year() {
        for m in Msg::ALL {
            for lang in Lang::ALL {
                let text = m.text(lang);
                assert!(!names_a_year(text), "{m:?} {lang:?} names a year literally: {text}");
            }
        }
    }
}
