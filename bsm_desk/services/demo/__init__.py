"""The demo conference (build.py): the Dushanbe 2022 event, delegates, programme,
interpreters, and what the demo shows off."""

from __future__ import annotations

from bsm_desk.services.demo.build import (
    DEFAULT_DELEGATES,
    DEFAULT_SEED,
    DEMO_OPERATORS,
    DEMO_PASSPHRASE,
    MAX_DELEGATES,
    PLANTED_DUPLICATES,
    DemoSummary,
    Progress,
    add_demo_operators,
    build_demo,
)

__all__ = ["add_demo_operators", "build_demo", "DEFAULT_DELEGATES", "DEFAULT_SEED",
           "DEMO_OPERATORS", "DEMO_PASSPHRASE", "DemoSummary", "MAX_DELEGATES",
           "PLANTED_DUPLICATES", "Progress"]
