"""What a rule kind says about itself, in its own module: its name, its check, its
options (a dataclass whose fields carry their defaults, their documentation and their
JSON Schema), the placeholders its messages may use, and which of the common fields
that say where a rule looks (`scope`, `skip_quotes`, `skip_attributed`, `exceptions`)
it honours. The registry (`newslint.checks.KINDS`), the rule schema's kind branches,
the loader's defaults and the kind sections of docs/writing-rules.md are all derived
from these declarations (`newslint.checks.generate`), as yamllint's rule modules carry
their own `CONF` and ruff generates its rule docs (issue 18).
"""

from __future__ import annotations

import dataclasses
import inspect
from collections.abc import Callable
from dataclasses import MISSING, dataclass, field
from typing import TYPE_CHECKING, Any, Generic, Literal, TypeVar

if TYPE_CHECKING:
    from newslint.checks.base import Check

SCOPES = ("sentence", "paragraph", "document")


def option(
    description: str | None = None, *, schema: dict[str, Any], default: Any = MISSING, regex: bool = False
) -> Any:
    """A field of a kind's options: its JSON Schema (without `description` and `default`,
    which are added from here), its default (none: the option is required), and whether
    it holds regular expressions (`regex`: an invalid one is reported at its field)."""
    metadata = {"description": description, "schema": schema, "regex": regex}
    return field(default=default, metadata=metadata)


def ignore_case_option() -> Any:
    """`ignore_case`, as the kinds that match words share it."""
    return option("Match regardless of case.", schema={"type": "boolean"}, default=True)


class OptionError(ValueError):
    """A rule's options pass the schema but do not fit together (a lexicon naming a word
    list the rule does not define); `location` is the field ("lexicon", "verdict", 0),
    which the rule loader reports with its line."""

    def __init__(self, message: str, location: tuple[str | int, ...] = ()) -> None:
        super().__init__(message)
        self.location = location


@dataclass(frozen=True)
class Options:
    """The base of every kind's options: read from a rule's data, defaults filled in."""

    @classmethod
    def from_rule(cls: type[OptionsT], data: dict[str, Any]) -> OptionsT:
        """The options a rule's (validated) data gives, each missing one at its default.
        Lists are kept as tuples: options are frozen."""
        return cls(**{f.name: _frozen(data[f.name]) for f in dataclasses.fields(cls) if f.name in data})


OptionsT = TypeVar("OptionsT", bound=Options)


def _frozen(value: Any) -> Any:
    return tuple(value) if isinstance(value, list) else value


@dataclass(frozen=True)
class Kind(Generic[OptionsT]):
    """A rule kind as its module declares it."""

    name: str  # as rules write it: `kind: repeated-phrase`
    title: str  # what it flags, for the heading of its docs: "words and phrases"
    options: type[OptionsT]
    make: Callable[[OptionsT], Check]  # the kind's check for one rule's options
    placeholders: tuple[str, ...]  # the {placeholders} a message may use
    module_doc: str  # its module's docstring: the kind's documentation
    example: str  # a YAML sample of its options, for the docs
    scopes: tuple[str, ...] = SCOPES  # the scopes it can work at, the default first
    # Matches inside direct quotations: "option" lets a rule choose (`skip_quotes`,
    # default true); "always" for kinds that never count quoted words; "never" for
    # kinds that read quotations themselves (claim) or do not look at words (density).
    skip_quotes: Literal["option", "always", "never"] = "option"
    skip_attributed: bool = True  # honours `skip_attributed`
    exceptions: bool = True  # honours `exceptions`
    # Sets of options of which exactly one must be given (readability: `max` or `min`).
    one_of: tuple[tuple[str, ...], ...] = ()

    def build(self, data: dict[str, Any]) -> Check:
        """The check for a rule's (validated) data."""
        return self.make(self.options.from_rule(data))

    @property
    def default_scope(self) -> str:
        return self.scopes[0]

    @property
    def required(self) -> list[str]:
        return [f.name for f in dataclasses.fields(self.options) if _no_default(f) and not self._in_one_of(f.name)]

    def _in_one_of(self, name: str) -> bool:
        return any(name in group for group in self.one_of)

    def regex_options(self) -> list[str]:
        """Options that hold regular expressions."""
        return [f.name for f in dataclasses.fields(self.options) if f.metadata.get("regex")]

    def option_fields(self) -> list[dataclasses.Field[Any]]:
        return list(dataclasses.fields(self.options))

    def docs(self) -> str:
        """The module docstring less its first paragraph (a summary for code readers)."""
        doc = inspect.cleandoc(self.module_doc)
        return doc.split("\n\n", 1)[1] if "\n\n" in doc else ""


def default_of(option_field: dataclasses.Field[Any]) -> Any:
    """An option's default (MISSING: required)."""
    return option_field.default


def _no_default(option_field: dataclasses.Field[Any]) -> bool:
    return option_field.default is MISSING and option_field.default_factory is MISSING
