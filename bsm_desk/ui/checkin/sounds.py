"""A sound for each verdict (resources/sounds/*.wav), played with QSoundEffect.

A desk with no sound card, or a Qt without its multimedia module, stays silent
rather than failing: the colours and words of the verdict carry everything.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QUrl

from bsm_desk import paths
from bsm_desk.domain.checkin import Kind

try:  # QtMultimedia needs PulseAudio's client library on Linux
    from PySide6.QtMultimedia import QSoundEffect
except ImportError:  # pragma: no cover - depends on the machine
    QSoundEffect = None  # type: ignore[assignment,misc]


class Sounds(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.muted = False
        self._effects: dict[Kind, object] = {}
        self.played: list[Kind] = []  # what was asked to sound, for tests and the log

    @property
    def available(self) -> bool:
        return QSoundEffect is not None

    def play(self, kind: Kind) -> None:
        self.played.append(kind)
        del self.played[:-50]
        if self.muted or QSoundEffect is None:
            return
        effect = self._effects.get(kind)
        if effect is None:
            effect = QSoundEffect(self)
            effect.setSource(QUrl.fromLocalFile(
                str(paths.resource("sounds", f"{kind.value.lower()}.wav"))))
            effect.setVolume(0.8)
            self._effects[kind] = effect
        for other in self._effects.values():
            if other is not effect:
                other.stop()  # type: ignore[attr-defined]
        effect.play()  # type: ignore[attr-defined]
