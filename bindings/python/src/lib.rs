//! The native module `dateline._dateline`: a thin layer over the `dateline` crate.
//!
//! Articles cross the boundary as JSON strings (the CONTRACT.md form); the Python package
//! (`python/dateline/__init__.py`) turns them into objects. Errors are converted to Python in
//! one place, [`to_py_err`]. Work on many texts releases the GIL and runs on all cores.

use dateline::{ExtractOptions, Extractor as CoreExtractor};
use pyo3::create_exception;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use rayon::prelude::*;

create_exception!(
    _dateline,
    DatelineError,
    PyValueError,
    "Raised for input that dateline cannot use, such as a malformed publication date."
);

/// The one place where a `dateline::Error` becomes a Python exception.
fn to_py_err(error: dateline::Error) -> PyErr {
    DatelineError::new_err(error.to_string())
}

fn options(date: Option<&str>, id: Option<String>) -> PyResult<ExtractOptions> {
    let mut options = ExtractOptions::new();
    if let Some(date) = date {
        options = options.date(date).map_err(to_py_err)?;
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
    #[new]
    fn new(py: Python<'_>) -> PyResult<Extractor> {
        let inner = py
            .detach(|| CoreExtractor::builder().build())
            .map_err(to_py_err)?;
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
        let options = options(date, id)?;
        Ok(py.detach(|| self.inner.extract(text, &options).to_json()))
    }

    /// Many articles as JSON strings, in input order, on `threads` threads (default: all
    /// cores), without the GIL. `dates` and `ids` are per text, or `None`.
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
            return Err(PyValueError::new_err(format!(
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
                options(date.as_deref(), id)
                    .map_err(|e| DatelineError::new_err(format!("text {n}: {e}")))
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
    m.add_class::<Extractor>()?;
    m.add("DatelineError", m.py().get_type::<DatelineError>())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
