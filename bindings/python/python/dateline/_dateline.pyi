"""The native module (Rust). Use the ``dateline`` package rather than this module."""
from os import PathLike
from typing import Any, Dict, List, Optional, Union, final

__all__ = [
    "Extractor", "NativeArticle", "DatelineError", "InvalidDateError", "InvalidEntryError", "InvalidOptionError",
    "__version__",
]
__version__: str

class DatelineError(ValueError): ...
class InvalidDateError(DatelineError): ...
class InvalidEntryError(DatelineError): ...
class InvalidOptionError(DatelineError): ...

@final
class NativeArticle:
    def field(self, name: str) -> Any: ...
    def to_dict(self) -> Dict[str, Any]: ...

@final
class Extractor:
    def __new__(
        cls,
        stages: Optional[List[str]] = None,
        entities_json: Optional[str] = None,
        entities_file: Optional[Union[str, PathLike[str]]] = None,
    ) -> "Extractor": ...
    def extract(self, text: str, date: Optional[str] = None, id: Optional[str] = None) -> NativeArticle: ...
    def extract_many(
        self,
        texts: List[str],
        dates: List[Optional[str]],
        ids: List[Optional[str]],
        threads: Optional[int] = None,
    ) -> List[NativeArticle]: ...
    def stage_names(self) -> List[str]: ...
