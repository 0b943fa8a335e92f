//! Exit codes, as diff has them.

/// No differences at the `--fail-on` level; every file valid.
pub const SAME: u8 = 0;
/// Differences found (or, for `validate`, an invalid file).
pub const DIFFERENT: u8 = 1;
/// Trouble: bad input, unreadable files, I/O errors.
pub const TROUBLE: u8 = 2;
