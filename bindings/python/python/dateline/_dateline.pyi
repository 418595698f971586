"""The native module (Rust). Use the ``dateline`` package rather than this module."""
from os import PathLike
from typing import List, Optional, Union, final

__all__ = ["Extractor", "DatelineError", "InvalidDateError", "InvalidEntryError", "InvalidOptionError", "__version__"]
__version__: str

class DatelineError(ValueError): ...
class InvalidDateError(DatelineError): ...
class InvalidEntryError(DatelineError): ...
class InvalidOptionError(DatelineError): ...

@final
class Extractor:
    def __new__(
        cls,
        stages: Optional[List[str]] = None,
        entities_json: Optional[str] = None,
        entities_file: Optional[Union[str, PathLike[str]]] = None,
    ) -> "Extractor": ...
    def extract_json(self, text: str, date: Optional[str] = None, id: Optional[str] = None) -> str: ...
    def extract_many_json(
        self,
        texts: List[str],
        dates: List[Optional[str]],
        ids: List[Optional[str]],
        threads: Optional[int] = None,
    ) -> List[str]: ...
    def stage_names(self) -> List[str]: ...
