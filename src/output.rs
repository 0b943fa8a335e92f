//! Where a report goes: standard output, or a file written atomically.

use std::io::{self, Write};
use std::path::Path;

use crate::error::Error;

/// Renders into memory first, so that a failure leaves no partial output,
/// then writes to `path` (atomically: temporary file, then rename) or stdout.
/// A closed pipe on stdout (`| head`) is not an error.
pub fn emit(
    path: Option<&str>,
    render: impl FnOnce(&mut Vec<u8>) -> io::Result<()>,
) -> Result<(), Error> {
    let mut buf = Vec::new();
    render(&mut buf).map_err(|e| Error::io("<report>", &e))?;
    match path {
        None | Some("-") => {
            let mut out = io::stdout().lock();
            match out.write_all(&buf).and_then(|_| out.flush()) {
                Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(Error::io("<stdout>", &e)),
                _ => Ok(()),
            }
        }
        Some(p) => write_atomic(Path::new(p), &buf).map_err(|e| output_error(p, &e)),
    }
}

/// Refuses an output file that cannot be written, before the command does
/// its work: its directory must exist, and it must not be a directory itself.
/// `None` and `-` are standard output.
pub fn check_destination(path: Option<&str>) -> Result<(), Error> {
    match path {
        None | Some("-") => Ok(()),
        Some(p) => match destination_problem(Path::new(p)) {
            Some(message) => Err(Error::Io {
                path: p.to_string(),
                message,
            }),
            None => Ok(()),
        },
    }
}

/// What stops a file from being written at `path`, if it is the path itself.
fn destination_problem(path: &Path) -> Option<String> {
    let dir = parent_dir(path);
    match std::fs::metadata(dir) {
        Ok(m) if !m.is_dir() => {
            return Some(format!(
                "output directory `{}` is not a directory",
                dir.display()
            ));
        }
        Ok(_) => {}
        Err(_) => {
            return Some(format!(
                "output directory `{}` does not exist",
                dir.display()
            ));
        }
    }
    if std::fs::metadata(path).is_ok_and(|m| m.is_dir()) {
        return Some("output path is a directory; name a file to write".to_string());
    }
    None
}

/// A failed write of the output file at `path`, worded as a problem with the
/// output (never the temporary file's name, which the user did not choose).
fn output_error(path: &str, err: &io::Error) -> Error {
    let message = destination_problem(Path::new(path)).unwrap_or_else(|| {
        let reason = match (err.kind(), err.raw_os_error()) {
            (io::ErrorKind::PermissionDenied, _) => "permission denied".to_string(),
            (_, Some(code)) => io::Error::from_raw_os_error(code).to_string(),
            (kind, None) => kind.to_string(),
        };
        format!("cannot write the output: {reason}")
    });
    Error::Io {
        path: path.to_string(),
        message,
    }
}

/// The directory a file at `path` goes in (`.` for a bare file name).
fn parent_dir(path: &Path) -> &Path {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    }
}

/// Writes `bytes` to a temporary file beside `path` and renames it into place,
/// so an existing file is either replaced whole or left untouched.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = parent_dir(path);
    // The temporary file is private (0600); the report gets the mode of the
    // file it replaces, or an ordinary file's mode when it is new.
    let mode = std::fs::metadata(path).map(|m| m.permissions()).ok();
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    if let Some(mode) = mode.or_else(ordinary_mode) {
        tmp.as_file().set_permissions(mode)?;
    }
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(unix)]
fn ordinary_mode() -> Option<std::fs::Permissions> {
    use std::os::unix::fs::PermissionsExt;
    Some(std::fs::Permissions::from_mode(0o644))
}

/// Elsewhere a new file's default permissions are already ordinary.
#[cfg(not(unix))]
fn ordinary_mode() -> Option<std::fs::Permissions> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[cfg(unix)]
    fn reports_are_ordinary_files_and_keep_a_replaced_files_mode() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("tempdir");
        let p = dir.path().join("r.txt");
        let mode = |p: &Path| std::fs::metadata(p).expect("stat").permissions().mode() & 0o777;
        write_atomic(&p, b"new").expect("atomic write");
        assert_eq!(mode(&p), 0o644, "not the temporary file's private mode");
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o640)).expect("chmod");
        write_atomic(&p, b"again").expect("atomic write");
        assert_eq!(mode(&p), 0o640);
    }

    #[test]
    fn a_destination_that_cannot_be_written_is_named() {
        let dir = tempfile::tempdir().expect("tempdir");
        let message = |p: &Path| match check_destination(p.to_str()) {
            Err(Error::Io { message, .. }) => message,
            other => panic!("expected an output error, got {other:?}"),
        };
        let missing = dir.path().join("missing");
        assert_eq!(
            message(&missing.join("r.txt")),
            format!("output directory `{}` does not exist", missing.display())
        );
        assert_eq!(
            message(dir.path()),
            "output path is a directory; name a file to write"
        );
        assert!(check_destination(dir.path().join("r.txt").to_str()).is_ok());
        assert!(check_destination(Some("-")).is_ok());
        assert!(check_destination(None).is_ok());
    }

    #[test]
    fn atomic_write_replaces_whole_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        let p = dir.path().join("r.txt");
        std::fs::write(&p, "old").expect("write");
        write_atomic(&p, b"new").expect("atomic write");
        assert_eq!(std::fs::read_to_string(&p).expect("read"), "new");
        assert!(write_atomic(&dir.path().join("missing/r.txt"), b"x").is_err());
        assert_eq!(
            std::fs::read_dir(dir.path()).expect("ls").count(),
            1,
            "no temporary file left"
        );
    }
}
