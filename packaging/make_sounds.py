"""Generate the verdict sounds in resources/sounds/ (short 16-bit stereo WAVs at 48 kHz:
the format every sound device's mixer takes as it is, so QSoundEffect plays them on
Windows' WASAPI as on PulseAudio and PipeWire, with no resampling).

    python packaging/make_sounds.py

Each verdict has its own pattern, so a desk hears what happened without looking:
rising for OK, level for ALREADY, falling and low for every refusal, a buzz for a
forged code. Our own tones, no recordings: nothing to license.
"""

from __future__ import annotations

import wave
from pathlib import Path

import numpy as np

RATE = 48000
CHANNELS = 2
OUT = Path(__file__).resolve().parent.parent / "resources" / "sounds"

# verdict -> list of (frequency Hz, seconds, waveform); 0 Hz is a pause
PATTERNS: dict[str, list[tuple[float, float, str]]] = {
    "OK": [(880, 0.09, "sine"), (0, 0.02, "sine"), (1320, 0.14, "sine")],
    "ALREADY": [(740, 0.10, "sine"), (0, 0.06, "sine"), (740, 0.10, "sine")],
    "NOT_ALLOWED": [(523, 0.14, "triangle"), (392, 0.26, "triangle")],
    "REVOKED": [(392, 0.09, "square"), (0, 0.05, "sine"), (392, 0.09, "square"),
                (0, 0.05, "sine"), (392, 0.09, "square")],
    "CANCELLED": [(330, 0.45, "triangle")],
    "UNKNOWN": [(587, 0.10, "sine"), (0, 0.04, "sine"), (440, 0.22, "sine")],
    "FORGED": [(196, 0.50, "square")],
    "WRONG_EVENT": [(466, 0.12, "triangle"), (349, 0.12, "triangle"), (262, 0.22, "triangle")],
}


def tone(frequency: float, seconds: float, shape: str) -> np.ndarray:
    t = np.arange(int(RATE * seconds)) / RATE
    if frequency == 0:
        return np.zeros_like(t)
    phase = 2 * np.pi * frequency * t
    if shape == "square":
        wave_ = np.sign(np.sin(phase)) * 0.5 + np.sin(phase) * 0.3
    elif shape == "triangle":
        wave_ = 2 / np.pi * np.arcsin(np.sin(phase))
    else:
        wave_ = np.sin(phase)
    fade = min(len(t) // 4, int(RATE * 0.01))
    envelope = np.ones_like(t)
    envelope[:fade] = np.linspace(0, 1, fade)
    envelope[len(t) - fade:] = np.linspace(1, 0, fade)
    return wave_ * envelope


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for name, parts in PATTERNS.items():
        samples = np.concatenate([tone(*part) for part in parts]) * 0.6
        mono = (samples * 32767).astype("<i2")
        data = np.repeat(mono, CHANNELS).tobytes()  # the same on both sides, interleaved
        with wave.open(str(OUT / f"{name.lower()}.wav"), "wb") as out:
            out.setnchannels(CHANNELS)
            out.setsampwidth(2)
            out.setframerate(RATE)
            out.writeframes(data)
        print(OUT / f"{name.lower()}.wav")


if __name__ == "__main__":
    main()
