//! The validated dataset of one report year.
//!
//! Built only by [`crate::load`], which checks every rule first; the app receives it as
//! JSON produced at build time, so a value here has already been checked against the report.

use crate::decimal::Decimal;
use crate::text::Text;
use crate::units::{unit, Unit};
use crate::value::Value;
use serde::{Deserialize, Serialize};

/// One report year's dataset.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Report {
    pub report: Meta,
    pub sections: Vec<Section>,
    pub kpis: Vec<Kpi>,
    pub directors: Vec<Director>,
    pub stakeholders: Vec<Stakeholder>,
    pub material_topics: Vec<MaterialTopic>,
    pub highlights: Vec<Highlight>,
    pub milestones: Vec<Milestone>,
    pub data_centres: Vec<DataCentre>,
    pub certifications: Vec<Certification>,
    pub hkex_aspects: Vec<HkexAspect>,
    /// Places where the report's own figures disagree, stated in the data file so the
    /// UI can say so; a rule that fails without one of these fails the build.
    pub discrepancies: Vec<Discrepancy>,
    /// In a merged dataset (`crate::reports`), the earlier reports values come from,
    /// newest first: their titles and KPI tables name a value's source. Empty for one file.
    #[serde(default, skip_serializing_if = "crate::wire::omit_empty")]
    pub sources: Vec<SourceReport>,
}

/// An earlier report that a merged dataset takes figures from.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct SourceReport {
    pub year: u16,
    pub title: Text,
    pub sections: Vec<Section>,
}

/// About the report itself.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    /// The reporting year (2022).
    pub year: u16,
    /// Years the KPI tables give as comparatives (2021).
    pub comparative_years: Vec<u16>,
    pub company: Text,
    pub title: Text,
    pub period: Text,
    /// The date the board-diversity table reflects (ISO), the end of the reporting period.
    pub board_as_of: String,
    /// The date of the post-period board change the roster records (ISO).
    pub board_change: String,
    /// The day this data file was last revised (ISO): the Data Package's `created`, so a
    /// rebuild of the same data writes the same bytes. Bump it with every data change.
    pub revised: String,
    /// Set only in test fixtures (`"fictional test data"`): the build refuses such a file
    /// unless `ESG_ALLOW_FICTIONAL=1`, so invented figures can never be shipped.
    #[serde(default, skip_serializing_if = "crate::wire::omit_none")]
    pub fictional: Option<String>,
}

impl Meta {
    /// All years with KPI values, ascending.
    pub fn years(&self) -> Vec<u16> {
        let mut y = self.comparative_years.clone();
        y.push(self.year);
        y.sort_unstable();
        y.dedup();
        y
    }

    /// The two years a change compares: the latest year before the report year, and the
    /// report year (with several reports merged, not the first comparative year).
    pub fn latest_two(&self) -> (u16, u16) {
        let previous = self.years().into_iter().rfind(|y| *y < self.year).unwrap_or(self.year);
        (previous, self.year)
    }

    /// The end of `year`'s reporting period (ISO): the day and month of `board_as_of`, the
    /// end of this report's period (the report covers 1 January to 31 December).
    pub fn period_end(&self, year: u16) -> String {
        format!("{year}{}", self.board_as_of.get(4..).unwrap_or_default())
    }
}

/// Environment, social or governance.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Pillar {
    E,
    S,
    G,
}

impl Pillar {
    pub const ALL: [Pillar; 3] = [Pillar::E, Pillar::S, Pillar::G];

    pub fn code(self) -> &'static str {
        match self {
            Pillar::E => "E",
            Pillar::S => "S",
            Pillar::G => "G",
        }
    }
}

/// A group of KPIs as the report's KPI tables group them.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub id: String,
    pub pillar: Pillar,
    /// The heading the report prints over the group.
    pub heading: Text,
    /// The KPI table the group belongs to (2022年環境關鍵績效 …).
    pub table: Text,
    #[serde(default, skip_serializing_if = "crate::wire::omit_none")]
    pub note: Option<Text>,
}

/// Whether a rise is good news for a reader of the KPI.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Direction {
    Lower,
    Higher,
    Neutral,
}

/// One KPI and its value per year.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Kpi {
    /// Stable kebab-case English id, used in URLs.
    pub id: String,
    pub section: String,
    pub pillar: Pillar,
    /// The report's own label, and our English.
    pub metric: Text,
    /// The unit as printed (a key of [`crate::units::UNITS`]).
    pub unit: String,
    /// The HKEX ESG Reporting Guide KPI this figure answers, where the content index maps one.
    pub hkex: Option<String>,
    pub better: Direction,
    /// Years ascending; a year absent from the report's table is absent here.
    pub values: Vec<YearValue>,
    pub note: Option<Text>,
    /// Why the unit differs from an earlier report's (the file's `unit_change`); without it
    /// a changed unit fails the cross-report rule `unit-change` (`crate::reports`).
    #[serde(default, skip_serializing_if = "crate::wire::omit_none")]
    pub unit_change: Option<Text>,
    /// In a merged dataset, the year of the newest report that still has this KPI, when
    /// that is not the newest report: the KPI was dropped and is "not in the latest report".
    #[serde(default, skip_serializing_if = "crate::wire::omit_none")]
    pub last_reported: Option<u16>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct YearValue {
    pub year: u16,
    pub value: Value,
    /// In a merged dataset, the report year the value comes from when that is not the
    /// dataset's own report (`None`: the report itself, as with one file).
    #[serde(default, skip_serializing_if = "crate::wire::omit_none")]
    pub source: Option<u16>,
    /// The figure an earlier report first gave for this year, when it differs.
    #[serde(default, skip_serializing_if = "crate::wire::omit_none")]
    pub restated: Option<Restatement>,
}

/// A figure a later report replaced: what the earlier report printed, and which report.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Restatement {
    pub value: Value,
    pub report_year: u16,
}

impl YearValue {
    /// The report year this value comes from, given the dataset's own report year.
    pub fn source_year(&self, report_year: u16) -> u16 {
        self.source.unwrap_or(report_year)
    }
}

impl Kpi {
    /// The year's entry (value, source, restatement), if the tables have that column.
    pub fn year_value(&self, year: u16) -> Option<&YearValue> {
        self.values.iter().find(|v| v.year == year)
    }

    /// The value for `year`, or `None` when the report's table has no such column.
    pub fn value(&self, year: u16) -> Option<Value> {
        self.values.iter().find(|v| v.year == year).map(|v| v.value)
    }

    /// The printed figure for `year`, if disclosed.
    pub fn decimal(&self, year: u16) -> Option<Decimal> {
        self.value(year).and_then(Value::decimal)
    }

    /// The unit's catalogue entry (always present after validation).
    pub fn unit(&self) -> Option<&'static Unit> {
        unit(&self.unit)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Gender {
    Female,
    Male,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    Executive,
    NonExecutive,
    IndependentNonExecutive,
}

impl Gender {
    pub fn as_str(self) -> &'static str {
        match self {
            Gender::Female => "female",
            Gender::Male => "male",
        }
    }
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Executive => "executive",
            Role::NonExecutive => "non-executive",
            Role::IndependentNonExecutive => "independent-non-executive",
        }
    }
}

/// How a director's English name was made. The report prints names in Chinese only.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Romanisation {
    /// Hanyu Pinyin of the printed name, surname first: mechanical, but the director's own
    /// English spelling may differ.
    Pinyin,
    /// Our reading of a Japanese name's kanji: a guess (kanji have several readings).
    JapaneseReading,
}

/// A director in the report's board table.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Director {
    pub name: Text,
    /// How we wrote `name.en`: the report gives no English names, so all are ours.
    pub romanisation: Romanisation,
    pub gender: Gender,
    /// Age as printed in the board table.
    pub age: u8,
    pub role: Role,
    /// ISO date, where the report states one.
    #[serde(default, skip_serializing_if = "crate::wire::omit_none")]
    pub appointed: Option<String>,
    #[serde(default, skip_serializing_if = "crate::wire::omit_none")]
    pub ceased: Option<String>,
}

impl Director {
    /// On the board at the start of `date` (ISO dates compare as text).
    pub fn serves_on(&self, date: &str) -> bool {
        self.appointed.as_deref().is_none_or(|a| a <= date) && self.ceased.as_deref().is_none_or(|c| c > date)
    }
}

/// One entry of a stakeholder's expectations or channels.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StakeholderItem {
    pub text: Text,
    /// The flattened text does not settle that this item belongs to this group.
    #[serde(default)]
    pub uncertain: bool,
    #[serde(default, skip_serializing_if = "crate::wire::omit_none")]
    pub note: Option<Text>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stakeholder {
    pub id: String,
    pub name: Text,
    #[serde(rename = "expectation", default)]
    pub expectations: Vec<StakeholderItem>,
    #[serde(rename = "channel", default)]
    pub channels: Vec<StakeholderItem>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Area {
    Governance,
    Environment,
    Social,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MaterialTopic {
    pub area: Area,
    pub text: Text,
    #[serde(default, skip_serializing_if = "crate::wire::omit_none")]
    pub note: Option<Text>,
}

/// A business figure from the report's narrative.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Highlight {
    pub id: String,
    pub label: Text,
    pub value: Decimal,
    pub unit: Text,
    /// The report qualifies the figure (約, 超過 …).
    #[serde(default)]
    pub approx: bool,
    #[serde(default, skip_serializing_if = "crate::wire::omit_none")]
    pub qualifier: Option<Text>,
    #[serde(default, skip_serializing_if = "crate::wire::omit_none")]
    pub previous: Option<Decimal>,
    /// The report qualifies the previous figure too (the graphic's 「400+」).
    #[serde(default, skip_serializing_if = "crate::wire::omit_none")]
    pub previous_qualifier: Option<Text>,
    #[serde(default, skip_serializing_if = "crate::wire::omit_none")]
    pub previous_year: Option<u16>,
    #[serde(default, skip_serializing_if = "crate::wire::omit_none")]
    pub as_of: Option<Text>,
    /// A verbatim excerpt of the report holding the figure.
    pub source: String,
    #[serde(default, skip_serializing_if = "crate::wire::omit_none")]
    pub note: Option<Text>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Milestone {
    /// ISO year-month.
    pub month: String,
    pub text: Text,
    pub source: String,
    #[serde(default)]
    pub uncertain: bool,
    #[serde(default, skip_serializing_if = "crate::wire::omit_none")]
    pub note: Option<Text>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DataCentre {
    pub city: Text,
    pub source: String,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Certification {
    pub name: Text,
    #[serde(default, skip_serializing_if = "crate::wire::omit_none")]
    pub year_month: Option<String>,
    pub source: String,
}

/// An aspect (A1 … B8) of the HKEX guide, as the content index lists it.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HkexAspect {
    pub code: String,
    pub area: Text,
    pub name: Text,
    #[serde(rename = "item")]
    pub items: Vec<HkexItem>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum HkexKind {
    GeneralDisclosure,
    Kpi,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum HkexStatus {
    Reported,
    NotApplicable,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HkexItem {
    pub code: String,
    pub kind: HkexKind,
    pub description: Text,
    pub status: HkexStatus,
    #[serde(default)]
    pub sections: Vec<Text>,
    #[serde(default)]
    pub uncertain: bool,
    #[serde(default, skip_serializing_if = "crate::wire::omit_none")]
    pub note: Option<Text>,
}

/// A rule the report's own figures break, acknowledged in the data file.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Discrepancy {
    /// The id of the rule that fails.
    pub rule: String,
    pub year: u16,
    /// The KPIs the reader should be warned about.
    pub kpis: Vec<String>,
    pub note: Text,
}

impl Report {
    pub fn kpi(&self, id: &str) -> Option<&Kpi> {
        self.kpis.iter().find(|k| k.id == id)
    }

    pub fn section(&self, id: &str) -> Option<&Section> {
        self.sections.iter().find(|s| s.id == id)
    }

    /// The section `id` as the report of `year` prints it (this report's, or an earlier
    /// source's in a merged dataset).
    pub fn section_in(&self, year: u16, id: &str) -> Option<&Section> {
        if year == self.report.year {
            return self.section(id);
        }
        self.sources
            .iter()
            .find(|s| s.year == year)
            .and_then(|s| s.sections.iter().find(|x| x.id == id))
    }

    /// Directors serving on `date` (ISO).
    pub fn board_on<'a>(&'a self, date: &'a str) -> impl Iterator<Item = &'a Director> + 'a {
        self.directors.iter().filter(move |d| d.serves_on(date))
    }

    /// Discrepancies that concern `kpi` in `year`.
    pub fn discrepancies_for<'a>(&'a self, kpi: &'a str, year: u16) -> impl Iterator<Item = &'a Discrepancy> + 'a {
        self.discrepancies
            .iter()
            .filter(move |d| d.year == year && d.kpis.iter().any(|k| k == kpi))
    }
}
