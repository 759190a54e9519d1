"""A roster to find: the booths to staff, the pool, the rules, the seats locked by hand
(:class:`Problem`); a booth's team in the answer (:class:`Seating`), with the words that
say why it is not staffed (:class:`Reason`, made of :class:`Text`)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from zoneinfo import ZoneInfo

from bsm_desk.domain.interpreters import Interpreter, Rules
from bsm_desk.services.interpreters.needs import Need

Key = tuple[tuple[int, ...], str]  # (a meeting's session ids, booth)


@dataclass(frozen=True)
class Text:
    """Words to translate, and what goes into them."""

    template: str
    values: Mapping[str, object] = field(default_factory=dict)

    def render(self, translate: Callable[[str], str] | None = None) -> str:
        tr = translate or (lambda s: s)
        values = {k: _rendered(v, translate) for k, v in self.values.items()}
        return tr(self.template).format(**values)


def _rendered(value: object, translate: Callable[[str], str] | None) -> object:
    if isinstance(value, Text):
        return value.render(translate)
    if isinstance(value, tuple):  # several texts, one after another
        return ", ".join(str(_rendered(v, translate)) for v in value)
    return value


@dataclass(frozen=True)
class Reason:
    """A head and its parts: "head; part; part"."""

    parts: tuple[Text, ...]

    def render(self, translate: Callable[[str], str] | None = None) -> str:
        return "; ".join(p.render(translate) for p in self.parts)


@dataclass(frozen=True)
class Problem:
    needs: Sequence[Need]
    pool: Sequence[Interpreter]
    zone: ZoneInfo
    rules: Rules = Rules()
    locked: Mapping[Key, frozenset[int]] = field(default_factory=dict)
    previous: Mapping[Key, frozenset[int]] = field(default_factory=dict)
    relay: Mapping[tuple[int, ...], frozenset[str]] = field(default_factory=dict)
    lang: str = "en"

    def day_of(self, at: datetime) -> date:
        return at.astimezone(self.zone).date()

@dataclass(frozen=True)
class Seating:
    need: Need
    interpreters: tuple[int, ...]
    locked: frozenset[int] = frozenset()
    reason: Reason | None = None  # why it is not staffed

    @property
    def staffed(self) -> bool:
        return self.reason is None
