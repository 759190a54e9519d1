"""Operators (accounts.py: add, change, sign in and out); who acts in acting.py, what
each may do in access.py, sealed data in privacy.py."""

from __future__ import annotations

from bsm_desk.services.operators.accounts import (
    DISABLED,
    EXISTS,
    FIRST_IS_ADMIN,
    LAST_ADMIN,
    LOCKED,
    NEEDS_KEY,
    NEEDS_PASSPHRASE,
    NO_DESKS_KEY,
    NO_SUCH,
    PEPPERED,
    SEALED_FOR_DESKS,
    UNKNOWN,
    Acting,
    Operator,
    Permission,
    Role,
    acting_at,
    add_operator,
    allows,
    at_desk,
    check,
    current,
    has_operators,
    operators,
    require,
    requires,
    role_of,
    sealing_secret,
    set_disabled,
    set_role,
    set_secret,
    sign_in,
    sign_out,
    signed_in,
    verifier,
)

__all__ = ["Acting", "acting_at", "add_operator", "allows", "at_desk", "check", "current",
           "DISABLED", "EXISTS", "FIRST_IS_ADMIN", "has_operators", "LAST_ADMIN", "LOCKED",
           "NEEDS_KEY", "NEEDS_PASSPHRASE", "NO_DESKS_KEY", "NO_SUCH", "Operator",
           "operators", "PEPPERED", "Permission", "require", "requires", "Role", "role_of",
           "SEALED_FOR_DESKS", "sealing_secret", "set_disabled", "set_role", "set_secret",
           "sign_in", "sign_out", "signed_in", "UNKNOWN", "verifier"]
