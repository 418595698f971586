//! The native module `dateline._dateline`: a thin layer over the `dateline` crate.
//!
//! Extraction returns [`NativeArticle`]s, each holding the Rust `dateline::Article` as is: no
//! JSON text and no Python objects are made for it in the batch path. The Python package
//! (`python/dateline/`) wraps each one in a `dateline.Article`, which asks for its fields as
//! Python data when they are first read. Errors are converted to Python in one place,
//! [`to_py_err`]. Extraction releases the GIL; batches run on all cores.

use dateline::{
    Article, EntitiesFormat, ErrorKind, ExtractOptions, Extractor as CoreExtractor, UserEntity,
};
use pyo3::create_exception;
use pyo3::exceptions::{PyKeyError, PyOSError, PyValueError};
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pythonize::pythonize;
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

    /// One article, extracted without the GIL.
    #[pyo3(signature = (text, date=None, id=None))]
    fn extract(
        &self,
        py: Python<'_>,
        text: &str,
        date: Option<&str>,
        id: Option<String>,
    ) -> PyResult<NativeArticle> {
        let options = options(date, id).map_err(|e| to_py_err(e, None))?;
        let article = py.detach(|| self.inner.extract(text, &options));
        Ok(NativeArticle { article })
    }

    /// Many articles, in input order, on `threads` threads (default: all cores). `dates` and
    /// `ids` give one entry per text. The GIL is held only to take the inputs in and to make
    /// one Python object per result; parsing the dates and extracting run without it.
    ///
    /// Each text comes in as a `PyBackedStr`, UTF-8 owned by a Python object and readable
    /// from any thread. (The Python 3.9 stable ABI has no borrowed UTF-8 view of a `str`, so
    /// that is one copy of the text.)
    #[pyo3(signature = (texts, dates, ids, threads=None))]
    fn extract_many(
        &self,
        py: Python<'_>,
        texts: Vec<PyBackedStr>,
        dates: Vec<Option<String>>,
        ids: Vec<Option<String>>,
        threads: Option<usize>,
    ) -> PyResult<Vec<NativeArticle>> {
        if dates.len() != texts.len() || ids.len() != texts.len() {
            return Err(DatelineError::new_err(format!(
                "got {} texts but {} dates and {} ids; give one of each per text",
                texts.len(),
                dates.len(),
                ids.len()
            )));
        }
        py.detach(|| {
            let options: Vec<ExtractOptions> = dates
                .iter()
                .zip(ids)
                .enumerate()
                .map(|(n, (date, id))| {
                    options(date.as_deref(), id)
                        .map_err(|e| to_py_err(e, Some(format!("text {n}"))))
                })
                .collect::<PyResult<_>>()?;
            let run = || -> Vec<NativeArticle> {
                texts
                    .par_iter()
                    .zip(&options)
                    .map(|(text, options)| NativeArticle {
                        article: self.inner.extract(text, options),
                    })
                    .collect()
            };
            match threads {
                Some(n) => rayon::ThreadPoolBuilder::new()
                    .num_threads(n.max(1))
                    .build()
                    .map(|pool| pool.install(run))
                    .map_err(|e| PyValueError::new_err(format!("cannot start {n} threads: {e}"))),
                None => Ok(run()),
            }
        })
    }

    /// The names of the pipeline's stages, in the order they run.
    fn stage_names(&self) -> Vec<&'static str> {
        self.inner.stage_names()
    }
}

/// One extracted article, held as the Rust pipeline returned it. Its offsets are already
/// character offsets, that is Python string indices.
#[pyclass(frozen, module = "dateline._dateline")]
struct NativeArticle {
    article: Article,
}

/// Both conversions below go through the serde derives of `dateline::Article`, so the Python
/// data has exactly the names and shapes of CONTRACT.md: dicts, lists, str, int, float, None.
#[pymethods]
impl NativeArticle {
    /// One field of the article (`"id"`, `"dateline"`, `"entities"`, …) as Python data.
    fn field<'py>(&self, py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyAny>> {
        let article = &self.article;
        let value = match name {
            "id" => pythonize(py, &article.id),
            "title" => pythonize(py, &article.title),
            "dateline" => pythonize(py, &article.dateline),
            "credits" => pythonize(py, &article.credits),
            "paragraphs" => pythonize(py, &article.paragraphs),
            "sentences" => pythonize(py, &article.sentences),
            "entities" => pythonize(py, &article.entities),
            "timexes" => pythonize(py, &article.timexes),
            "quotes" => pythonize(py, &article.quotes),
            "casualties" => pythonize(py, &article.casualties),
            "events" => pythonize(py, &article.events),
            _ => {
                return Err(PyKeyError::new_err(format!(
                    "an article has no field {name:?}"
                )))
            }
        };
        Ok(value?)
    }

    /// The whole article as a dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(pythonize(py, &self.article)?)
    }
}

#[pymodule]
fn _dateline(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add_class::<Extractor>()?;
    m.add_class::<NativeArticle>()?;
    m.add("DatelineError", py.get_type::<DatelineError>())?;
    m.add("InvalidDateError", py.get_type::<InvalidDateError>())?;
    m.add("InvalidEntryError", py.get_type::<InvalidEntryError>())?;
    m.add("InvalidOptionError", py.get_type::<InvalidOptionError>())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
