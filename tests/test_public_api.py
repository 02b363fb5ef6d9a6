import importlib
import pkgutil
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import sci_workers_day


def _isort_style(name: str) -> tuple[int, str]:
    # ruff's RUF022 order: CONSTANTS, then Classes, then everything else.
    kind = 0 if name.isupper() else 1 if name[0].isupper() else 2
    return kind, name


def test_all_is_sorted() -> None:
    """``__all__`` is sorted (constants, classes, functions), so additions are easy to review."""
    assert sci_workers_day.__all__ == sorted(sci_workers_day.__all__, key=_isort_style)


def test_all_names_resolve() -> None:
    """Every name in ``__all__`` exists on the package."""
    for name in sci_workers_day.__all__:
        assert hasattr(sci_workers_day, name), name


def test_all_is_complete() -> None:
    """Every public class or function a submodule declares is exported from the package."""
    exported = set(sci_workers_day.__all__)
    private_parts = re.compile(r"\._")
    for module_info in pkgutil.walk_packages(sci_workers_day.__path__, "sci_workers_day."):
        name = module_info.name
        # Public submodules that stand on their own: the strategies (an extra), the annotated
        # scalars (``sci_workers_day.types``), and the command line and its ``-m`` entry.
        if private_parts.search(name) or name in {
            "sci_workers_day.testing",
            "sci_workers_day.types",
            "sci_workers_day.cli",
            "sci_workers_day.__main__",
        }:
            continue
        module = importlib.import_module(name)
        for public in getattr(module, "__all__", ()):
            assert public in exported, f"{name}.{public} is not exported"


def test_version_is_pep440() -> None:
    """``__version__`` is a plain release number (the build reads it from the package)."""
    assert re.fullmatch(r"\d+\.\d+\.\d+", sci_workers_day.__version__)


def test_typed_marker_ships() -> None:
    """The package ships ``py.typed`` so embedding projects get our types."""
    assert (Path(sci_workers_day.__file__).parent / "py.typed").is_file()


def test_pyproject_declares_all_extra() -> None:
    """``pip install -e '.[all]'`` installs every optional extra."""
    pyproject = tomllib.loads((Path(__file__).parents[1] / "pyproject.toml").read_text("utf-8"))
    extras = pyproject["project"]["optional-dependencies"]
    (bundle,) = extras["all"]
    assert bundle.startswith("sci-workers-day[")
    bundled = set(bundle.removeprefix("sci-workers-day[").removesuffix("]").split(","))
    assert bundled == set(extras) - {"all", "dev"}


def test_heavy_modules_load_only_when_a_format_needs_them() -> None:
    """Importing the package, and validating JSON, load no workbook, document or media reader."""
    code = (
        "import sys, sci_workers_day as s\n"
        "loaded = set(sys.modules)\n"
        "s.validate({'reporting_unit': {'name': 'x'}, 'activity_count': 1})\n"
        "heavy = {'openpyxl', 'python_calamine', 'docx', 'tinytag', 'icalendar', 'hypothesis'}\n"
        "print(sorted(heavy & loaded), sorted(heavy & set(sys.modules)), 'pydantic' in loaded)\n"
    )
    done = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[] [] False"


def test_no_exported_name_is_shadowed_by_a_submodule() -> None:
    """A submodule spelled like an exported name would replace it, once imported, lazily."""
    submodules = {info.name for info in pkgutil.iter_modules(sci_workers_day.__path__)}
    assert not submodules & set(sci_workers_day.__all__)
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sci_workers_day as s; s.validate_packages; print(callable(s.validate))",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.strip() == "True"
