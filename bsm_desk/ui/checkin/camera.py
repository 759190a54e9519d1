"""Scanning badges with a camera: frames decoded by zxing-cpp off the GUI thread.

The camera delivers many frames a second and sees the same badge in most of them:
a frame is dropped while the previous one is being decoded, and a code read again
within a few seconds is ignored. Whatever reads a code goes the same way as a
keyboard-wedge scan (the ``code_found`` signal).
"""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import zxingcpp
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage

try:
    from PySide6.QtMultimedia import (
        QCamera,
        QCameraDevice,
        QMediaCaptureSession,
        QMediaDevices,
        QVideoFrame,
        QVideoSink,
    )
except ImportError:  # pragma: no cover - depends on the machine
    QMediaDevices = None  # type: ignore[assignment,misc]

REPEAT_SECONDS = 3.0


def decode(image: QImage) -> list[str]:
    """The QR codes readable in ``image``."""
    gray = image.convertToFormat(QImage.Format.Format_Grayscale8)
    width, height, stride = gray.width(), gray.height(), gray.bytesPerLine()
    if not width or not height:
        return []
    pixels = np.frombuffer(gray.constBits(), dtype=np.uint8, count=stride * height)
    array = pixels.reshape(height, stride)[:, :width]
    return [b.text for b in zxingcpp.read_barcodes(array, formats=zxingcpp.BarcodeFormat.QRCode)  # type: ignore[arg-type]
            if b.valid and b.text]


def cameras() -> list[tuple[str, str]]:
    """(id, description) of each camera on this machine; empty when there is none."""
    if QMediaDevices is None:
        return []
    return [(bytes(d.id().data()).decode("utf-8", "replace"), d.description())
            for d in QMediaDevices.videoInputs()]


class CameraScanner(QObject):
    code_found = Signal(str)
    failed = Signal(str)
    _decoded = Signal(list)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="qr-decode")
        self._busy = False
        self._seen: dict[str, float] = {}
        self._camera: object | None = None
        self._session: object | None = None
        self._sink: object | None = None
        self._decoded.connect(self._announce)

    def start(self, camera_id: str, output: object | None = None) -> bool:
        """Open the camera ``camera_id``; ``output`` is a QVideoWidget to show it in."""
        if QMediaDevices is None:
            return False
        device: QCameraDevice | None = next(
            (d for d in QMediaDevices.videoInputs()
             if bytes(d.id().data()).decode("utf-8", "replace") == camera_id), None)
        if device is None:
            return False
        self.stop()
        camera = QCamera(device)
        camera.errorOccurred.connect(lambda _error, text: self.failed.emit(text))
        session = QMediaCaptureSession()
        session.setCamera(camera)
        sink = output.videoSink() if output is not None else QVideoSink()  # type: ignore[attr-defined]
        if output is not None:
            session.setVideoOutput(output)  # type: ignore[arg-type]
        else:
            session.setVideoSink(sink)
        sink.videoFrameChanged.connect(self._frame)
        self._camera, self._session, self._sink = camera, session, sink
        camera.start()
        return True

    def stop(self) -> None:
        if self._camera is not None:
            self._camera.stop()  # type: ignore[attr-defined]
        self._camera = self._session = self._sink = None

    def _frame(self, frame: QVideoFrame) -> None:
        if not self._busy:
            self.feed(frame.toImage())

    def feed(self, image: QImage) -> None:
        """Decode one picture (a camera frame) in the background."""
        if self._busy or image.isNull():
            return
        self._busy = True
        copy = image.copy()
        self._pool.submit(self._work, copy)

    def _work(self, image: QImage) -> None:
        try:
            found = decode(image)
        except Exception:  # noqa: BLE001 - a bad frame is simply not a code
            found = []
        self._decoded.emit(found)

    def _announce(self, codes: list[str]) -> None:
        self._busy = False
        now = time.monotonic()
        for code in codes:
            if now - self._seen.get(code, -REPEAT_SECONDS) >= REPEAT_SECONDS:
                self._seen[code] = now
                self.code_found.emit(code)

    def shutdown(self) -> None:
        self.stop()
        self._pool.shutdown(wait=True)
