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
        Some(p) => write_atomic(Path::new(p), &buf).map_err(|e| Error::io(p, &e)),
    }
}

/// Writes `bytes` to a temporary file beside `path` and renames it into place,
/// so an existing file is either replaced whole or left untouched.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
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
