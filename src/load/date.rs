//! Dates in a readout (`meeting.date`, `source.published`): ISO 8601
//! calendar dates, `YYYY-MM-DD`, that exist on the calendar.

use std::fmt;

use jiff::civil::Date;

/// How people write a date when they do not write it as ISO 8601; a date
/// written one of these ways gets its ISO form as a hint. Day-first and
/// month-first numeric forms (05/06/2024) are ambiguous and left out.
const OTHER_FORMS: &[&str] = &[
    "%d %B %Y",
    "%d %b %Y",
    "%B %d, %Y",
    "%b %d, %Y",
    "%B %d %Y",
    "%b %d %Y",
    "%Y/%m/%d",
    "%Y.%m.%d",
    "%Y%m%d",
    "%Y-%m-%d",
];

/// Why a date was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateError {
    /// Not written `YYYY-MM-DD`; `iso` is the same date written so, when the
    /// text is a date written another way ("31 May 2024", "2024-5-31").
    NotIso { iso: Option<Date> },
    /// Written `YYYY-MM-DD`, with a month outside 01–12.
    NoSuchMonth { month: i8 },
    /// Written `YYYY-MM-DD`, with a day the month does not have.
    NoSuchDay { year: i16, month: i8, day: i8 },
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            DateError::NotIso { .. } => write!(f, "not an ISO 8601 date (YYYY-MM-DD)"),
            DateError::NoSuchMonth { month } => write!(f, "there is no month {month}"),
            DateError::NoSuchDay { year, month, day } => {
                match Date::new(year, month, 1) {
                    Ok(first) => write!(
                        f,
                        "{} {year} has {} days, not {day}",
                        month_name(month),
                        first.days_in_month()
                    ),
                    // Not reached: the month was checked before the day.
                    Err(_) => write!(f, "there is no day {day} in month {month}"),
                }
            }
        }
    }
}

impl DateError {
    /// How to write the date instead.
    pub fn hint(&self) -> String {
        match self {
            DateError::NotIso { iso: Some(iso) } => format!("write it as `{iso}`"),
            _ => "write dates as YYYY-MM-DD, e.g. `2024-05-31`".to_string(),
        }
    }
}

/// Checks that `s` is a date written `YYYY-MM-DD` that exists on the
/// (proleptic Gregorian) calendar, and returns it.
pub fn parse(s: &str) -> Result<Date, DateError> {
    let Some((year, month, day)) = iso_fields(s) else {
        return Err(DateError::NotIso { iso: other_form(s) });
    };
    if !(1..=12).contains(&month) {
        return Err(DateError::NoSuchMonth { month });
    }
    Date::new(year, month, day).map_err(|_| DateError::NoSuchDay { year, month, day })
}

/// Year, month and day of text shaped exactly `DDDD-DD-DD` (ASCII digits).
/// The date crate's own parser is more lenient (it takes `20240531` and
/// `2024-05-31T10:00` too), so the shape is checked here.
fn iso_fields(s: &str) -> Option<(i16, i8, i8)> {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    let shaped = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && digits(0..4)
        && digits(5..7)
        && digits(8..10);
    if !shaped {
        return None;
    }
    // Four digits fit an i16 and two an i8.
    Some((
        s[0..4].parse().ok()?,
        s[5..7].parse().ok()?,
        s[8..10].parse().ok()?,
    ))
}

/// The date that `s` writes in another common way, if it does: a day with a
/// time after it (`2024-05-31T10:00Z`), or one of [`OTHER_FORMS`].
fn other_form(s: &str) -> Option<Date> {
    if let Some(day) = s.get(..10).filter(|_| s[10..].starts_with(['T', 't', ' ']))
        && let Ok(date) = parse(day)
    {
        return Some(date);
    }
    OTHER_FORMS
        .iter()
        .find_map(|form| Date::strptime(form, s).ok())
}

fn month_name(month: i8) -> &'static str {
    const NAMES: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    usize::try_from(month - 1)
        .ok()
        .and_then(|i| NAMES.get(i))
        .copied()
        .unwrap_or("that month")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(s: &str) -> (String, String) {
        let e = parse(s).expect_err(s);
        (e.to_string(), e.hint())
    }

    #[test]
    fn iso_calendar_dates_pass() {
        for s in ["2024-05-31", "2024-02-29", "2000-02-29", "1999-12-31"] {
            assert_eq!(parse(s).map(|d| d.to_string()), Ok(s.to_string()));
        }
    }

    #[test]
    fn dates_off_the_calendar_say_why() {
        assert_eq!(refused("2024-13-45").0, "there is no month 13");
        assert_eq!(refused("2024-00-10").0, "there is no month 0");
        assert_eq!(refused("2023-02-29").0, "February 2023 has 28 days, not 29");
        assert_eq!(refused("1900-02-29").0, "February 1900 has 28 days, not 29");
        assert_eq!(refused("2024-04-31").0, "April 2024 has 30 days, not 31");
        assert_eq!(refused("2024-05-00").0, "May 2024 has 31 days, not 0");
    }

    #[test]
    fn other_ways_of_writing_a_date_get_the_iso_form() {
        for s in [
            "31 May 2024",
            "May 31, 2024",
            "31 may 2024",
            "2024/05/31",
            "20240531",
            "2024-5-31",
            "2024-05-31T10:00Z",
            "2024-05-31 10:00",
        ] {
            assert_eq!(
                refused(s),
                (
                    "not an ISO 8601 date (YYYY-MM-DD)".to_string(),
                    "write it as `2024-05-31`".to_string()
                ),
                "{s}"
            );
        }
    }

    #[test]
    fn text_that_is_no_date_gets_the_general_hint() {
        for s in [
            "last Tuesday",
            "05/06/2024",
            "2024-05-3１",
            "２０２４-05-31",
            "2024-05-31x",
        ] {
            assert_eq!(
                refused(s).1,
                "write dates as YYYY-MM-DD, e.g. `2024-05-31`",
                "{s}"
            );
        }
    }
}
