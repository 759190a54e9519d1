"""BSM Desk: on-site logistics for bilingual international conferences, offline."""

__version__ = "0.1.0"
APP_NAME = "BSM Desk"

# sqlite-utils imported without pandas and numpy, and without plugins (_imports.py).
from bsm_desk import _imports  # noqa: E402, F401
