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
    @property
    def text(self) -> str: ...
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
        items: List[Union[str, Dict[str, Any]]],
        dates: Optional[List[Optional[str]]] = None,
        threads: Optional[int] = None,
        first_item: int = 0,
    ) -> List[NativeArticle]: ...
    def stage_names(self) -> List[str]: ...
