//! A KPI's value for one year: a printed figure, or the report's `/` (not disclosed).

use crate::decimal::Decimal;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The report prints `/` where a figure was not disclosed. That is its own state:
/// it is never zero and never a gap in a chart's axis.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Value {
    Disclosed(Decimal),
    NotDisclosed,
}

/// The report's mark for "not disclosed".
pub const NOT_DISCLOSED_MARK: &str = "/";

impl Value {
    /// Parses a cell as printed: `/` or a decimal.
    pub fn parse(s: &str) -> Result<Value, crate::decimal::DecimalError> {
        if s == NOT_DISCLOSED_MARK {
            Ok(Value::NotDisclosed)
        } else {
            Decimal::parse(s).map(Value::Disclosed)
        }
    }

    pub fn decimal(self) -> Option<Decimal> {
        match self {
            Value::Disclosed(d) => Some(d),
            Value::NotDisclosed => None,
        }
    }

    /// The printed text; empty for not disclosed (as the CSV export writes it).
    pub fn printed_or_empty(self) -> String {
        self.decimal().map(|d| d.to_string()).unwrap_or_default()
    }
}

impl Serialize for Value {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Value::Disclosed(d) => d.serialize(s),
            Value::NotDisclosed => s.serialize_str(NOT_DISCLOSED_MARK),
        }
    }
}

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Value::parse(&s).map_err(serde::de::Error::custom)
    }
}
