//! [`Extractor`], built once and shared, and the per-call [`ExtractOptions`].

use jiff::civil::Date;

use crate::article::Article;
use crate::document::Document;
use crate::error::{Error, ErrorKind, Result};
use crate::stages::entities::UserEntity;
use crate::stages::{self, Stage, PIPELINE};

/// Runs the pipeline. Build it once (building compiles the gazetteers and rules), then call
/// [`Extractor::extract`] as often as you like, from as many threads as you like.
///
/// ```
/// use dateline::{Extractor, ExtractOptions};
///
/// let extractor = Extractor::new();
/// let options = ExtractOptions::new().date("2018-05-13")?;
/// let article = extractor.extract("TEHRAN, May 13 - Iran said so.", &options);
/// assert_eq!(article.dateline.unwrap().date.as_deref(), Some("2018-05-13"));
/// # Ok::<(), dateline::Error>(())
/// ```
pub struct Extractor {
    /// The stages that run, by name, in order.
    stages: Vec<(&'static str, Box<dyn Stage>)>,
}

/// Configures an [`Extractor`]. Obtained from [`Extractor::builder`].
#[derive(Debug, Default)]
pub struct ExtractorBuilder {
    /// The stages to run, by name; `None` runs them all.
    stages: Option<Vec<String>>,
    /// The user's own entities, found in preference to built-in entries of the same name.
    pub(crate) user_entities: Vec<UserEntity>,
}

impl ExtractorBuilder {
    /// Runs only the named stages (see [`Extractor::stage_names`]); the `structure` stage,
    /// which every other stage reads, always runs. Skipping stages you do not need saves their
    /// time: `["structure", "time"]` gives datelines, sentences and times only.
    pub fn stages<S: AsRef<str>>(mut self, names: &[S]) -> ExtractorBuilder {
        self.stages = Some(names.iter().map(|n| n.as_ref().to_string()).collect());
        self
    }

    /// Adds entities of your own: their names and aliases are found wherever written, and win
    /// over built-in entries of the same name.
    pub fn entities(mut self, entities: Vec<UserEntity>) -> ExtractorBuilder {
        self.user_entities.extend(entities);
        self
    }

    /// Adds the entities of a file: a JSON array of `{"name", "label", "aliases", "kb"}`
    /// objects, or CSV (`.csv`) / TSV (any other name) with a header naming the columns
    /// `name`, `label`, `aliases` (separated by `|`) and `kb`. A malformed entry gives an error
    /// of kind [`ErrorKind::InvalidEntry`] that names its line.
    pub fn entities_file(mut self, path: impl AsRef<std::path::Path>) -> Result<ExtractorBuilder> {
        self.user_entities
            .extend(stages::entities::read_user_file(path.as_ref())?);
        Ok(self)
    }

    /// Builds the extractor with the built-in data.
    pub fn build(self) -> Result<Extractor> {
        for (n, entity) in self.user_entities.iter().enumerate() {
            entity.validate(&format!("user entity {}", n + 1))?;
        }
        let known: Vec<&str> = PIPELINE.iter().map(|r| r.name).collect();
        if let Some(unknown) = self
            .stages
            .iter()
            .flatten()
            .find(|w| !known.contains(&w.as_str()))
        {
            return Err(Error::new(
                ErrorKind::InvalidOption,
                format!(
                    "there is no stage {unknown:?}; the stages are {}",
                    known.join(", ")
                ),
            ));
        }
        let wanted = |name: &str| {
            name == "structure"
                || self
                    .stages
                    .as_ref()
                    .is_none_or(|w| w.iter().any(|w| w == name))
        };
        let stages = PIPELINE
            .iter()
            .filter(|r| wanted(r.name))
            .map(|r| (r.name, (r.build)(&self)))
            .collect();
        Ok(Extractor { stages })
    }
}

impl Extractor {
    /// An extractor with every stage and all built-in data.
    pub fn new() -> Extractor {
        Extractor::builder()
            .build()
            .expect("the built-in data is valid: it is checked by the test suite")
    }

    /// A builder to configure an extractor.
    pub fn builder() -> ExtractorBuilder {
        ExtractorBuilder::default()
    }

    /// The names of the stages, in the order they run.
    pub fn stage_names(&self) -> Vec<&'static str> {
        self.stages.iter().map(|(name, _)| *name).collect()
    }

    /// Extracts every fact from one article. Never fails: an empty text gives an empty article.
    pub fn extract(&self, text: &str, options: &ExtractOptions) -> Article {
        let mut doc = Document::new(text, options.date, options.id.clone());
        for (_, stage) in &self.stages {
            stage.run(&mut doc);
        }
        doc.finish()
    }
}

impl Default for Extractor {
    fn default() -> Extractor {
        Extractor::new()
    }
}

impl std::fmt::Debug for Extractor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Extractor")
            .field("stages", &self.stage_names())
            .finish()
    }
}

/// What is known about one article besides its text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExtractOptions {
    /// The publication date: relative dates ("on Friday", "May 13") are resolved against it.
    pub date: Option<Date>,
    /// An id passed through to [`Article::id`].
    pub id: Option<String>,
}

impl ExtractOptions {
    /// No publication date and no id.
    pub fn new() -> ExtractOptions {
        ExtractOptions::default()
    }

    /// Sets the publication date from an ISO 8601 date (`2018-05-13`); a date with a time
    /// (`2018-05-13T10:00:00Z`) keeps its date part.
    pub fn date(mut self, date: &str) -> Result<ExtractOptions> {
        self.date = Some(parse_date(date)?);
        Ok(self)
    }

    /// Sets the id passed through to the article.
    pub fn id(mut self, id: impl Into<String>) -> ExtractOptions {
        self.id = Some(id.into());
        self
    }
}

/// Parses `YYYY-MM-DD`, optionally followed by a time (`T…` or ` …`).
pub fn parse_date(date: &str) -> Result<Date> {
    let trimmed = date.trim();
    let day_part = trimmed.get(..10).filter(|_| {
        trimmed.len() == 10 || matches!(trimmed.as_bytes().get(10), Some(b'T' | b't' | b' '))
    });
    day_part.and_then(|d| d.parse::<Date>().ok()).ok_or_else(|| {
        Error::new(
            ErrorKind::InvalidDate,
            format!("{date:?} is not a date; write the publication date as YYYY-MM-DD, e.g. 2018-05-13"),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extractor_is_send_and_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Extractor>();
        assert_send_sync::<ExtractOptions>();
        assert_send_sync::<Article>();
    }

    #[test]
    fn dates_parse_with_or_without_time() {
        assert_eq!(parse_date("2018-05-13").unwrap().to_string(), "2018-05-13");
        assert_eq!(
            parse_date("2018-05-13T10:00:00Z").unwrap().to_string(),
            "2018-05-13"
        );
        for bad in [
            "",
            "May 13",
            "2018-13-01",
            "2018-02-30",
            "20180513",
            "2018-05-13x",
            "２０１８-05-13",
        ] {
            let err = parse_date(bad).unwrap_err();
            assert_eq!(err.kind(), ErrorKind::InvalidDate, "{bad:?}");
            assert!(err.to_string().contains("YYYY-MM-DD"));
        }
    }
}
