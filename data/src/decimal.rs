//! A figure exactly as the report prints it.
//!
//! The report's precision carries meaning (`116.000` MWh is a metered figure, `33` % a
//! rounded one), so a value keeps its printed digits and scale instead of becoming an `f64`.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A non-negative or negative decimal with its printed number of fraction digits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Decimal {
    /// The printed digits without the point: `378.50` is 37850.
    units: i64,
    /// Digits after the point: `378.50` has scale 2.
    scale: u8,
}

/// Why a text is not a printed decimal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DecimalError(pub String);

impl fmt::Display for DecimalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Decimal {
    /// Parses plain decimal notation (`0`, `67.396`, `-1.5`); no exponent, no separators.
    pub fn parse(s: &str) -> Result<Decimal, DecimalError> {
        let bad = |why: &str| Err(DecimalError(format!("`{s}` is not a number as printed ({why})")));
        let (neg, body) = match s.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, s),
        };
        let (int, frac) = match body.split_once('.') {
            Some((i, f)) => (i, Some(f)),
            None => (body, None),
        };
        if int.is_empty() || !int.bytes().all(|b| b.is_ascii_digit()) {
            return bad("digits expected before any point");
        }
        // The report never pads with zeros; `0605` would silently become `605`.
        if int.len() > 1 && int.starts_with('0') {
            return bad("leading zero");
        }
        if let Some(f) = frac {
            if f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit()) {
                return bad("digits expected after the point");
            }
        }
        let frac = frac.unwrap_or("");
        if int.len() + frac.len() > 15 {
            return bad("more than 15 digits");
        }
        let scale = frac.len() as u8;
        let mut units: i64 = 0;
        for b in int.bytes().chain(frac.bytes()) {
            units = units * 10 + i64::from(b - b'0');
        }
        // `-0` would print as `0`: not the figure as printed.
        if neg && units == 0 {
            return bad("negative zero");
        }
        Ok(Decimal {
            units: if neg { -units } else { units },
            scale,
        })
    }

    /// Digits after the point, as printed.
    pub fn scale(self) -> u8 {
        self.scale
    }

    /// The value as a float, for arithmetic and charts only (never for display).
    pub fn to_f64(self) -> f64 {
        self.units as f64 / 10f64.powi(i32::from(self.scale))
    }

    /// One unit in the last printed place (`0.001` for `67.396`, `1` for `33`).
    pub fn ulp(self) -> f64 {
        10f64.powi(-i32::from(self.scale))
    }

    /// Whether the printed value has no fraction digits.
    pub fn is_integer(self) -> bool {
        self.scale == 0
    }

    pub fn is_negative(self) -> bool {
        self.units < 0
    }

    /// Integer and fraction digits as printed, without sign: ("378", "50").
    pub fn digits(self) -> (String, String) {
        let s = self.units.unsigned_abs().to_string();
        let scale = usize::from(self.scale);
        let padded = if s.len() <= scale {
            format!("{}{}", "0".repeat(scale + 1 - s.len()), s)
        } else {
            s
        };
        let (i, f) = padded.split_at(padded.len() - scale);
        (i.to_owned(), f.to_owned())
    }
}

impl fmt::Display for Decimal {
    /// Prints exactly as the report printed it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (int, frac) = self.digits();
        let sign = if self.is_negative() { "-" } else { "" };
        if frac.is_empty() {
            write!(f, "{sign}{int}")
        } else {
            write!(f, "{sign}{int}.{frac}")
        }
    }
}

impl Serialize for Decimal {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Decimal {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Decimal::parse(&s).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_printed_precision() {
        for s in [
            "0", "0.0", "116.000", "31.0", "378.50", "0.037", "1587.000", "-2.5", "-0.5", "605",
        ] {
            assert_eq!(Decimal::parse(s).unwrap().to_string(), s);
        }
    }

    #[test]
    fn arithmetic_view() {
        let d = Decimal::parse("67.396").unwrap();
        assert_eq!(d.scale(), 3);
        assert!((d.to_f64() - 67.396).abs() < 1e-12);
        assert!((d.ulp() - 0.001).abs() < 1e-15);
        assert_eq!(Decimal::parse("0.05").unwrap().digits(), ("0".into(), "05".into()));
    }

    #[test]
    fn rejects_what_the_report_never_prints() {
        for s in [
            "",
            "/",
            "1,000",
            "1e3",
            ".5",
            "5.",
            "12a",
            "--1",
            " 1",
            "1234567890123456",
            "0605",
            "00.5",
            "-0",
            "-0.000",
            "+5",
            "\u{ff16}",
        ] {
            assert!(Decimal::parse(s).is_err(), "{s:?} should be rejected");
        }
    }
}
