//! The pipeline: stages that run in order over one [`Document`], each owning one kind of fact.
//!
//! A stage reads what earlier stages put in the document and adds its own facts. To add a stage,
//! write its module here and register it in [`PIPELINE`]; nothing else changes.

use crate::document::Document;
use crate::extractor::ExtractorBuilder;

pub mod casualties;
mod chars;
pub mod entities;
pub mod events;
mod facts_support;
pub mod quotes;
pub mod structure;
pub mod time;

/// One step of the pipeline.
pub(crate) trait Stage: Send + Sync {
    /// Adds this stage's facts to the document. Must not panic on any input.
    fn run(&self, doc: &mut Document<'_>);
}

/// A stage's name and how to build it from the builder's configuration.
pub(crate) struct Registration {
    /// A short name for options, benchmarks and debugging: `structure`, `entities`, `time`.
    pub name: &'static str,
    pub build: fn(&ExtractorBuilder) -> Box<dyn Stage>,
}

/// The registration point: every stage, in the order it runs. Only the stages an extractor
/// runs are built, so leaving out `entities` also saves loading its gazetteers.
pub(crate) const PIPELINE: &[Registration] = &[
    Registration {
        name: "structure",
        build: |_| Box::new(structure::Structure::new()),
    },
    Registration {
        name: "entities",
        build: |config| Box::new(entities::Entities::new(config.user_entities.clone())),
    },
    Registration {
        name: "time",
        build: |_| Box::new(time::Time::new()),
    },
    Registration {
        name: "quotes",
        build: |_| Box::new(quotes::Quotes::new()),
    },
    Registration {
        name: "casualties",
        build: |_| Box::new(casualties::Casualties::new()),
    },
    Registration {
        name: "events",
        build: |_| Box::new(events::Events::new()),
    },
];
