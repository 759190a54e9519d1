"""The command line (run.py: parse, sign in, gate, dispatch); one module per command
group, parser.py builds the parser from them."""

from __future__ import annotations

from bsm_desk.cli.run import (
    DB_FAULT,
    EXIT_USER_ERROR,
    FILE_FAULT,
    NEEDS_DB,
    NEEDS_NEW_DB,
    PASSWORD_ENV,
    Handler,
    build_parser,
    main,
)

__all__ = ["build_parser", "DB_FAULT", "EXIT_USER_ERROR", "FILE_FAULT", "Handler", "main",
           "NEEDS_DB", "NEEDS_NEW_DB", "PASSWORD_ENV"]
