"""Packages that are also functions: ``leakclf.scan(...)`` and ``leakclf.census(...)``.

``import leakclf.scan`` rebinds the attribute ``leakclf.scan`` from the api function to the
package. Making the package callable keeps ``leakclf.scan(...)`` working either way.
"""

from __future__ import annotations

import sys
import types
from collections.abc import Callable
from typing import Any


def make_callable(module_name: str, func: Callable[..., Any]) -> None:
    class _CallableModule(types.ModuleType):
        def __call__(self, *args: Any, **kwargs: Any) -> Any:
            return func(*args, **kwargs)

    sys.modules[module_name].__class__ = _CallableModule
