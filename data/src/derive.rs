//! Figures derived from the printed ones: year-over-year change and its reading.

use crate::decimal::Decimal;
use crate::model::{Direction, Kpi};

/// How a change reads for an investor, given the KPI's [`Direction`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    Good,
    Bad,
    Neutral,
}

/// The change of a KPI between two years.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Change {
    /// Later minus earlier.
    pub abs: f64,
    /// Places to print `abs` with: the finer of the two printed figures.
    pub scale: u8,
    /// Percent change; `None` when the earlier figure is zero.
    pub pct: Option<f64>,
    pub tone: Tone,
}

/// The change from `from` to `to`, when both years are disclosed.
pub fn change(kpi: &Kpi, from: u16, to: u16) -> Option<Change> {
    let (a, b) = (kpi.decimal(from)?, kpi.decimal(to)?);
    Some(change_between(a, b, kpi.better))
}

/// The change from `a` to `b` for a KPI where `better` says which way is good.
pub fn change_between(a: Decimal, b: Decimal, better: Direction) -> Change {
    let scale = a.scale().max(b.scale());
    let abs = b.to_f64() - a.to_f64();
    // Round away float noise at the printed precision.
    let f = 10f64.powi(i32::from(scale));
    let abs = (abs * f).round() / f;
    let pct = if a.to_f64() == 0.0 {
        None
    } else {
        Some(abs / a.to_f64() * 100.0)
    };
    let tone = match (better, abs.partial_cmp(&0.0)) {
        (_, Some(std::cmp::Ordering::Equal)) | (Direction::Neutral, _) | (_, None) => Tone::Neutral,
        (Direction::Lower, Some(std::cmp::Ordering::Less)) | (Direction::Higher, Some(std::cmp::Ordering::Greater)) => {
            Tone::Good
        }
        _ => Tone::Bad,
    };
    Change { abs, scale, pct, tone }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        Decimal::parse(s).unwrap()
    }

    #[test]
    fn scope_2_rise_is_bad() {
        let c = change_between(d("67.396"), d("67.758"), Direction::Lower);
        assert_eq!(c.abs, 0.362);
        assert_eq!(c.scale, 3);
        assert!((c.pct.unwrap() - 0.537).abs() < 0.001);
        assert_eq!(c.tone, Tone::Bad);
    }

    #[test]
    fn training_rise_is_good_and_zero_base_has_no_percent() {
        let c = change_between(d("0"), d("180"), Direction::Higher);
        assert_eq!(c.pct, None);
        assert_eq!(c.tone, Tone::Good);
        assert_eq!(change_between(d("5"), d("5"), Direction::Higher).tone, Tone::Neutral);
        assert_eq!(change_between(d("5"), d("9"), Direction::Neutral).tone, Tone::Neutral);
    }
}
