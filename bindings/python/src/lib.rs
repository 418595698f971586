//! The native module `dateline._dateline`: a thin layer over the `dateline` crate.
//!
//! Extraction returns one [`NativeArticle`] per text, holding the Rust `dateline::Article` as
//! is: the batch path makes no JSON and no Python data of it. The Python package
//! (`python/dateline/`) wraps each one in a `dateline.Article`, which asks for its fields as
//! Python data when they are first read. Errors are converted to Python in one place,
//! [`to_py_err`]. Extraction releases the GIL; batches run on all cores.

use dateline::{
    Article, EntitiesFormat, ErrorKind, ExtractOptions, Extractor as CoreExtractor, UserEntity,
};
use pyo3::create_exception;
use pyo3::exceptions::{PyKeyError, PyOSError, PyTypeError, PyValueError};
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::{PyByteArray, PyBytes, PyDict, PyString};
use pythonize::pythonize;
use rayon::prelude::*;
use std::sync::OnceLock;

/// See the workspace manifest for why the module does not use the system allocator. It serves
/// only Rust's allocations; Python objects still come from Python's allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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

/// `text` if it is a `str`; else a TypeError that says what it is (and, for bytes, what to do).
/// `item` is its number in a batch.
fn expect_text<'py>(
    text: &Bound<'py, PyAny>,
    item: Option<usize>,
) -> PyResult<Bound<'py, PyString>> {
    if let Ok(text) = text.cast::<PyString>() {
        return Ok(text.clone());
    }
    let kind = text.get_type().name()?;
    let place = item.map(|n| format!(" (item {n})")).unwrap_or_default();
    let hint = if text.is_instance_of::<PyBytes>() || text.is_instance_of::<PyByteArray>() {
        "; decode bytes first, e.g. data.decode('utf-8')"
    } else {
        ""
    };
    Err(PyTypeError::new_err(format!(
        "text must be str, not {kind}{place}{hint}"
    )))
}

/// One item of a batch, read from Python while the GIL is held.
struct Input {
    /// The `str` given, handed back with the article.
    text: Py<PyString>,
    /// Its UTF-8, owned by a Python object and readable from any thread. (The Python 3.9
    /// stable ABI has no borrowed UTF-8 view of a `str`, so this is one copy of the text.)
    utf8: PyBackedStr,
    options: ExtractOptions,
}

impl Input {
    /// A text, or a dict `{"text", "date", "id"}` (date and id optional; an id that is no
    /// `str` is taken as its `str()`). `date`, when given, wins over the dict's. `n` is the
    /// item's number, for errors.
    fn read(item: &Bound<'_, PyAny>, date: Option<&str>, n: usize) -> PyResult<Input> {
        let (text, item_date, id) = match item.cast::<PyDict>() {
            Ok(dict) => dict_fields(dict, n)?,
            Err(_) => (item.clone(), None, None),
        };
        let text = expect_text(&text, Some(n))?;
        let options = options(date.or(item_date.as_deref()), id)
            .map_err(|e| to_py_err(e, Some(format!("text {n}"))))?;
        Ok(Input {
            utf8: PyBackedStr::try_from(text.clone())?,
            text: text.unbind(),
            options,
        })
    }
}

/// The text, date and id of a batch item given as a dict.
fn dict_fields<'py>(
    dict: &Bound<'py, PyDict>,
    n: usize,
) -> PyResult<(Bound<'py, PyAny>, Option<String>, Option<String>)> {
    let py = dict.py();
    let present = |key| -> PyResult<Option<Bound<'py, PyAny>>> {
        Ok(dict.get_item(key)?.filter(|value| !value.is_none()))
    };
    let Some(text) = dict.get_item(intern!(py, "text"))? else {
        return Err(DatelineError::new_err(format!("item {n} has no 'text'")));
    };
    let date = match present(intern!(py, "date"))? {
        Some(date) => Some(date.extract::<String>().map_err(|_| {
            PyTypeError::new_err(format!("item {n}: the date must be a str, YYYY-MM-DD"))
        })?),
        None => None,
    };
    let id = match present(intern!(py, "id"))? {
        Some(id) => Some(id.str()?.to_cow()?.into_owned()),
        None => None,
    };
    Ok((text, date, id))
}

/// Runs `work` on a pool of `threads` threads, or on rayon's global pool (all cores) when
/// `threads` is None.
fn on_threads<R: Send>(threads: Option<usize>, work: impl FnOnce() -> R + Send) -> PyResult<R> {
    let pool = match threads {
        Some(n) => rayon::ThreadPoolBuilder::new().num_threads(n.max(1)),
        // A process forked from one whose global pool had started (multiprocessing's default
        // on Linux) inherits the pool without its threads: work sent there would wait forever.
        // Such a process gets a pool of its own, of the default size.
        None if global_pool_is_inherited() => rayon::ThreadPoolBuilder::new(),
        None => return Ok(work()),
    };
    pool.build()
        .map(|pool| pool.install(work))
        .map_err(|e| PyValueError::new_err(format!("cannot start the extraction threads: {e}")))
}

/// Whether rayon's global pool was started by a parent of this process rather than by it: the
/// pool starts the first time this module uses it, and the process that did is noted then.
fn global_pool_is_inherited() -> bool {
    static STARTED_BY: OnceLock<u32> = OnceLock::new();
    *STARTED_BY.get_or_init(std::process::id) != std::process::id()
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
        text: &Bound<'_, PyAny>,
        date: Option<&str>,
        id: Option<String>,
    ) -> PyResult<NativeArticle> {
        let text = expect_text(text, None)?;
        let utf8 = PyBackedStr::try_from(text.clone())?;
        let options = options(date, id).map_err(|e| to_py_err(e, None))?;
        let article = py.detach(|| self.inner.extract(&utf8, &options));
        Ok(NativeArticle {
            article,
            text: text.unbind(),
        })
    }

    /// Many articles, in input order, on `threads` threads (default: all cores). `items` are
    /// texts or dicts `{"text", "date", "id"}`; `dates`, one per item, win over a dict's.
    /// `first_item` is the number of `items[0]` in the caller's batch, for error messages.
    ///
    /// The GIL is held only to read the items and to make one Python object per result.
    #[pyo3(signature = (items, dates=None, threads=None, first_item=0))]
    fn extract_many(
        &self,
        py: Python<'_>,
        items: Vec<Bound<'_, PyAny>>,
        dates: Option<Vec<Option<String>>>,
        threads: Option<usize>,
        first_item: usize,
    ) -> PyResult<Vec<NativeArticle>> {
        let dates = dates.unwrap_or_else(|| vec![None; items.len()]);
        if dates.len() != items.len() {
            return Err(DatelineError::new_err(format!(
                "got {} texts but {} dates; give one date per text",
                items.len(),
                dates.len()
            )));
        }
        let inputs: Vec<Input> = items
            .iter()
            .zip(&dates)
            .enumerate()
            .map(|(n, (item, date))| Input::read(item, date.as_deref(), first_item + n))
            .collect::<PyResult<_>>()?;
        let articles = py.detach(|| {
            on_threads(threads, || -> Vec<Article> {
                inputs
                    .par_iter()
                    .map(|input| self.inner.extract(&input.utf8, &input.options))
                    .collect()
            })
        })?;
        Ok(articles
            .into_iter()
            .zip(inputs)
            .map(|(article, input)| NativeArticle {
                article,
                text: input.text,
            })
            .collect())
    }

    /// The names of the pipeline's stages, in the order they run.
    fn stage_names(&self) -> Vec<&'static str> {
        self.inner.stage_names()
    }
}

/// One extracted article, held as the Rust pipeline returned it, with its text. Its offsets
/// are already character offsets, that is Python string indices.
#[pyclass(frozen, module = "dateline._dateline")]
struct NativeArticle {
    article: Article,
    /// The text it was extracted from: the caller's own `str` object, not a copy.
    #[pyo3(get)]
    text: Py<PyString>,
}

impl Drop for NativeArticle {
    /// Freeing an article, a hundred or so small allocations, costs twice what the rest of the
    /// Python layer does for it, and here it would be done with the GIL held, one article at a
    /// time, whenever the caller lets a batch go. So it is handed to rayon's pool, to be done
    /// beside the caller's Python code.
    fn drop(&mut self) {
        let article = std::mem::take(&mut self.article);
        if global_pool_is_inherited() {
            drop(article); // no threads to hand it to
        } else {
            rayon::spawn(move || drop(article));
        }
    }
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
