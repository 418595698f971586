//! The native module `dateline._dateline`: a thin layer over the `dateline` crate.
//!
//! Articles cross the boundary as JSON strings (the CONTRACT.md form); the Python package
//! (`python/dateline/`) turns them into objects. Errors are converted to Python in one place,
//! [`to_py_err`]. Extraction releases the GIL; batches run on all cores.

use dateline::{EntitiesFormat, ErrorKind, ExtractOptions, Extractor as CoreExtractor, UserEntity};
use pyo3::create_exception;
use pyo3::exceptions::{PyOSError, PyValueError};
use pyo3::prelude::*;
use rayon::prelude::*;

create_exception!(
    _dateline,
    DatelineError,
    PyValueError,
    "Raised for input that dateline cannot use; the subclasses say which kind."
);
create_exception!(
    _dateline,
    InvalidDateError,
    DatelineError,
    "A publication date that is not YYYY-MM-DD."
);
create_exception!(
    _dateline,
    InvalidEntryError,
    DatelineError,
    "A malformed user entity; the message names it."
);
create_exception!(
    _dateline,
    InvalidOptionError,
    DatelineError,
    "An option naming something that does not exist."
);

/// The one place where a `dateline::Error` becomes a Python exception. `context` (such as
/// "text 3") is put before the message when given.
fn to_py_err(error: dateline::Error, context: Option<String>) -> PyErr {
    let message = match context {
        Some(context) => format!("{context}: {error}"),
        None => error.to_string(),
    };
    match error.kind() {
        ErrorKind::InvalidDate => InvalidDateError::new_err(message),
        ErrorKind::InvalidEntry => InvalidEntryError::new_err(message),
        ErrorKind::InvalidOption => InvalidOptionError::new_err(message),
        ErrorKind::Io => PyOSError::new_err(message),
        _ => DatelineError::new_err(message),
    }
}

fn options(date: Option<&str>, id: Option<String>) -> dateline::Result<ExtractOptions> {
    let mut options = ExtractOptions::new();
    if let Some(date) = date {
        options = options.date(date)?;
    }
    options.id = id;
    Ok(options)
}

/// Builds once, extracts many times; safe to share between threads.
#[pyclass(frozen, module = "dateline._dateline")]
struct Extractor {
    inner: CoreExtractor,
}

#[pymethods]
impl Extractor {
    /// `stages`: the stages to run (None: all). `entities_json`: a JSON array of user entities
    /// (`{"name", "label", "aliases", "kb"}`). `entities_file`: a JSON, CSV or TSV file of them.
    #[new]
    #[pyo3(signature = (stages=None, entities_json=None, entities_file=None))]
    fn new(
        py: Python<'_>,
        stages: Option<Vec<String>>,
        entities_json: Option<&str>,
        entities_file: Option<std::path::PathBuf>,
    ) -> PyResult<Extractor> {
        let mut builder = CoreExtractor::builder();
        if let Some(stages) = stages {
            builder = builder.stages(&stages);
        }
        if let Some(json) = entities_json {
            let entities = UserEntity::parse(json, EntitiesFormat::Json, "entities")
                .map_err(|e| to_py_err(e, None))?;
            builder = builder.entities(entities);
        }
        if let Some(path) = entities_file {
            builder = builder
                .entities_file(path)
                .map_err(|e| to_py_err(e, None))?;
        }
        let inner = py
            .detach(|| builder.build())
            .map_err(|e| to_py_err(e, None))?;
        Ok(Extractor { inner })
    }

    /// One article as a JSON string.
    #[pyo3(signature = (text, date=None, id=None))]
    fn extract_json(
        &self,
        py: Python<'_>,
        text: &str,
        date: Option<&str>,
        id: Option<String>,
    ) -> PyResult<String> {
        let options = options(date, id).map_err(|e| to_py_err(e, None))?;
        Ok(py.detach(|| self.inner.extract(text, &options).to_json()))
    }

    /// Many articles as JSON strings, in input order, on `threads` threads (default: all
    /// cores), without the GIL. `dates` and `ids` give one entry per text.
    #[pyo3(signature = (texts, dates, ids, threads=None))]
    fn extract_many_json(
        &self,
        py: Python<'_>,
        texts: Vec<String>,
        dates: Vec<Option<String>>,
        ids: Vec<Option<String>>,
        threads: Option<usize>,
    ) -> PyResult<Vec<String>> {
        if dates.len() != texts.len() || ids.len() != texts.len() {
            return Err(DatelineError::new_err(format!(
                "got {} texts but {} dates and {} ids; give one of each per text",
                texts.len(),
                dates.len(),
                ids.len()
            )));
        }
        let options: Vec<ExtractOptions> = dates
            .iter()
            .zip(ids)
            .enumerate()
            .map(|(n, (date, id))| {
                options(date.as_deref(), id).map_err(|e| to_py_err(e, Some(format!("text {n}"))))
            })
            .collect::<PyResult<_>>()?;
        let run = || -> Vec<String> {
            texts
                .par_iter()
                .zip(&options)
                .map(|(text, options)| self.inner.extract(text, options).to_json())
                .collect()
        };
        py.detach(|| match threads {
            Some(n) => rayon::ThreadPoolBuilder::new()
                .num_threads(n.max(1))
                .build()
                .map(|pool| pool.install(run))
                .map_err(|e| PyValueError::new_err(format!("cannot start {n} threads: {e}"))),
            None => Ok(run()),
        })
    }

    /// The names of the pipeline's stages, in the order they run.
    fn stage_names(&self) -> Vec<&'static str> {
        self.inner.stage_names()
    }
}

#[pymodule]
fn _dateline(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add_class::<Extractor>()?;
    m.add("DatelineError", py.get_type::<DatelineError>())?;
    m.add("InvalidDateError", py.get_type::<InvalidDateError>())?;
    m.add("InvalidEntryError", py.get_type::<InvalidEntryError>())?;
    m.add("InvalidOptionError", py.get_type::<InvalidOptionError>())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
