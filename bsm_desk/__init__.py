"""BSM Desk: on-site logistics for bilingual international conferences, offline."""

__version__ = "0.1.0"
APP_NAME = "BSM Desk"
