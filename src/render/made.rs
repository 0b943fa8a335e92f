//! When and by which version a report was made, for the HTML page's header.

use std::time::{SystemTime, UNIX_EPOCH};

/// The version of readout that made a report, and when (UTC).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Made {
    pub version: &'static str,
    /// Seconds since 1970-01-01 00:00 UTC.
    pub at: u64,
}

impl Made {
    /// Made by this build of readout at `at` seconds since the epoch.
    pub fn at(at: u64) -> Made {
        Made {
            version: env!("CARGO_PKG_VERSION"),
            at,
        }
    }

    /// The time from `SOURCE_DATE_EPOCH` (its value, when set and not empty:
    /// whole seconds since the epoch), else now. The same input with the
    /// same variable gives the same bytes, as reproducible builds expect;
    /// a value that is not a number of seconds is an error, not ignored.
    pub fn from_source_date_epoch(value: Option<&str>) -> Result<Made, String> {
        match value.filter(|v| !v.is_empty()) {
            Some(v) => v.parse::<u64>().map(Made::at).map_err(|_| {
                format!("SOURCE_DATE_EPOCH must be whole seconds since 1970, not {v:?}")
            }),
            None => Ok(Made::at(
                SystemTime::now()
                    .duration_since(UNIX_EPOCH)
                    .map_or(0, |d| d.as_secs()),
            )),
        }
    }

    /// "2024-05-31T08:30:00Z".
    pub fn iso(&self) -> String {
        let (date, secs) = (self.at / SECS_PER_DAY, self.at % SECS_PER_DAY);
        let (y, m, d) = civil_date(date);
        format!(
            "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
            secs / 3600,
            secs / 60 % 60,
            secs % 60
        )
    }

    /// "2024-05-31 08:30 UTC".
    pub fn human(&self) -> String {
        let iso = self.iso();
        format!(
            "{} {} UTC",
            &iso[..iso.len() - 10],
            &iso[iso.len() - 9..iso.len() - 4]
        )
    }
}

const SECS_PER_DAY: u64 = 86_400;

/// The proleptic Gregorian (year, month, day) of a day counted from
/// 1970-01-01 (Howard Hinnant's `civil_from_days`), so that no date crate
/// is needed for one line of the page.
fn civil_date(days: u64) -> (u64, u64, u64) {
    // Days from 0000-03-01, so that the leap day ends each 400-year era.
    let z = days + 719_468;
    let era = z / 146_097;
    let doe = z % 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + u64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_utc_calendar_dates() {
        assert_eq!(Made::at(0).iso(), "1970-01-01T00:00:00Z");
        assert_eq!(Made::at(1_717_144_245).iso(), "2024-05-31T08:30:45Z");
        assert_eq!(Made::at(951_782_400).iso(), "2000-02-29T00:00:00Z");
        assert_eq!(Made::at(4_107_542_399).iso(), "2100-02-28T23:59:59Z");
        assert_eq!(Made::at(1_717_144_245).human(), "2024-05-31 08:30 UTC");
        assert!(Made::at(u64::MAX).iso().ends_with("Z"), "no overflow");
    }

    #[test]
    fn source_date_epoch_decides_the_time() {
        let m = Made::from_source_date_epoch(Some("1717144245")).expect("a number");
        assert_eq!(m, Made::at(1_717_144_245));
        assert_eq!(m.version, env!("CARGO_PKG_VERSION"));
        assert!(Made::from_source_date_epoch(Some("yesterday")).is_err());
        assert!(Made::from_source_date_epoch(Some("-1")).is_err());
        let now = Made::from_source_date_epoch(Some("")).expect("empty is unset");
        assert!(now.at > 1_700_000_000, "the current time");
        assert!(Made::from_source_date_epoch(None).is_ok());
    }
}
