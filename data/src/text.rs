//! Bilingual text: every label in the dataset carries the report's Traditional Chinese
//! (which prevails) and our English rendering.

use serde::{Deserialize, Serialize};

/// The two languages of the report.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum Lang {
    /// Traditional Chinese, the prevailing version of the report.
    #[default]
    #[serde(rename = "zh-Hant")]
    ZhHant,
    /// English.
    #[serde(rename = "en")]
    En,
}

impl Lang {
    /// Both languages, prevailing first.
    pub const ALL: [Lang; 2] = [Lang::ZhHant, Lang::En];

    /// BCP 47 tag, as used in `<html lang>` and the `lang` URL parameter.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::ZhHant => "zh-Hant",
            Lang::En => "en",
        }
    }
}

/// A text in both languages.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Text {
    pub zh: String,
    pub en: String,
}

impl Text {
    pub fn new(zh: &str, en: &str) -> Self {
        Text {
            zh: zh.to_owned(),
            en: en.to_owned(),
        }
    }

    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::ZhHant => &self.zh,
            Lang::En => &self.en,
        }
    }

    /// Names the languages whose text is empty (a data-file defect).
    pub fn missing(&self) -> Vec<&'static str> {
        let mut out = Vec::new();
        if self.zh.trim().is_empty() {
            out.push("zh");
        }
        if self.en.trim().is_empty() {
            out.push("en");
        }
        out
    }
}
