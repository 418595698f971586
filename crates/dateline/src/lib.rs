//! dateline turns the plain text of a news article into structured, evidence-linked facts.
//!
//! ```
//! use dateline::{Extractor, ExtractOptions};
//!
//! let text = "TEHRAN, May 13 - Afghanistan's Defense Minister Tariq Shah Bahrami met \
//!             Iranian officials on Sunday.\nSource: Press TV";
//! let extractor = Extractor::new();
//! let article = extractor.extract(text, &ExtractOptions::new().date("2018-05-13")?);
//!
//! let dateline = article.dateline.as_ref().unwrap();
//! assert_eq!(dateline.place, "Tehran");
//! assert_eq!(dateline.date.as_deref(), Some("2018-05-13"));
//! assert_eq!(article.credits[0].name, "Press TV");
//! assert_eq!(article.sentences.len(), 1);
//! # Ok::<(), dateline::Error>(())
//! ```
//!
//! An [`Extractor`] runs a pipeline of stages over one shared document; each stage owns one
//! kind of fact (structure, entities, time, quotes, casualties, events). The result is an
//! [`Article`] whose offsets are character offsets, as `CONTRACT.md` describes.

mod article;
mod document;
mod error;
mod extractor;
mod lexicon;
mod stages;

use std::sync::OnceLock;

pub use article::{
    Article, Casualty, CasualtyKind, Credit, CreditRole, Dateline, Entity, Event, KbId, KbRef,
    Label, Mention, Quote, QuoteKind, TextRange, Timex, TimexType, Title,
};
pub use error::{Error, ErrorKind, Result};
pub use extractor::{parse_date, ExtractOptions, Extractor, ExtractorBuilder};
/// A calendar date (from the `jiff` crate), as taken by [`ExtractOptions::date`].
pub use jiff::civil::Date;
pub use stages::entities::{EntitiesFormat, UserEntity};

/// Extracts facts with a default [`Extractor`] built on first use, and no publication date.
pub fn extract(text: &str) -> Article {
    static DEFAULT: OnceLock<Extractor> = OnceLock::new();
    DEFAULT
        .get_or_init(Extractor::new)
        .extract(text, &ExtractOptions::new())
}
