//! The one error type of the crate.
//!
//! Extraction itself never fails: any `&str` gives an [`Article`](crate::Article), empty for an
//! empty text. Errors come from what a caller hands in: a publication date that is no date, or
//! user entries (a gazetteer file) that cannot be read.

use std::fmt;

/// What went wrong, and where. [`Error::kind`] tells the cases apart.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{kind}: {message}")]
pub struct Error {
    kind: ErrorKind,
    message: String,
}

/// The kinds of [`Error`]. New kinds may be added.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// A publication date that is not an ISO 8601 date (`2018-05-13`).
    InvalidDate,
    /// A user entry (name, label, aliases, kb) that is malformed; the message names the line.
    InvalidEntry,
    /// A file that could not be read.
    Io,
    /// A builder option that names something that does not exist, such as an unknown stage.
    InvalidOption,
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ErrorKind::InvalidDate => "invalid date",
            ErrorKind::InvalidEntry => "invalid entry",
            ErrorKind::Io => "I/O error",
            ErrorKind::InvalidOption => "invalid option",
        })
    }
}

impl Error {
    pub(crate) fn new(kind: ErrorKind, message: impl Into<String>) -> Error {
        Error {
            kind,
            message: message.into(),
        }
    }

    /// Which kind of error this is.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// The explanation, without the kind.
    pub fn message(&self) -> &str {
        &self.message
    }
}

/// `Result` with this crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
