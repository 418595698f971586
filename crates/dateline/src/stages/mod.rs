//! The pipeline: stages that run in order over one [`Document`], each owning one kind of fact.
//!
//! A stage reads what earlier stages put in the document and adds its own facts. To add a stage,
//! write its module here and register it in [`pipeline`]; nothing else changes.

use crate::document::Document;
use crate::extractor::ExtractorBuilder;

pub mod casualties;
pub mod entities;
pub mod events;
mod facts_support;
pub mod quotes;
pub mod structure;
pub mod time;

/// One step of the pipeline.
pub(crate) trait Stage: Send + Sync {
    /// A short name for benchmarks and debugging: `structure`, `entities`, `time`.
    fn name(&self) -> &'static str;

    /// Adds this stage's facts to the document. Must not panic on any input.
    fn run(&self, doc: &mut Document<'_>);
}

/// The registration point: every stage, in the order it runs, configured by the builder.
pub(crate) fn pipeline(config: &ExtractorBuilder) -> Vec<Box<dyn Stage>> {
    vec![
        Box::new(structure::Structure::new()),
        Box::new(entities::Entities::new(config.user_entities.clone())),
        Box::new(time::Time::new()),
        Box::new(quotes::Quotes::new()),
        Box::new(casualties::Casualties::new()),
        Box::new(events::Events::new()),
    ]
}
