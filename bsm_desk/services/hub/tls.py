"""TLS for a hub reached over the network: the event's own small certificate authority,
the hub server's certificate signed by it, and desks that connect with
``sslmode=verify-full`` pinned to that authority alone (not the machine's trust store,
not whatever the server offers). A listener on the venue LAN then reads nothing, and a
machine pretending to be the hub is refused, in words, rather than taken for "offline".

``hub tls --host NAME --out DIR`` makes the files for the database administrator to put
in ``postgresql.conf`` (``ssl = on``, ``ssl_cert_file``, ``ssl_key_file``); ``hub init
--ca FILE`` (or the authority made in DIR) pins this desk to it, and each enrolment code
carries the authority to the desk that joins with it. A hub on a Unix socket (the same
machine) needs none of this.
"""

from __future__ import annotations

import base64
import binascii
import ipaddress
import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

from psycopg import conninfo

from bsm_desk import paths
from bsm_desk.domain.errors import QT_TRANSLATE_NOOP, UserError

BAD_CA = QT_TRANSLATE_NOOP("UserError", "{path} is not a certificate authority's certificate "
                                        "(PEM) for the hub.")
BAD_HOST = QT_TRANSLATE_NOOP("UserError", "“{host}” is not a host name or an IP address for "
                                          "the hub's certificate.")
CA_NAME, CERT_NAME, KEY_NAME = "hub-ca.crt", "hub-server.crt", "hub-server.key"
YEARS = 5


def _name(text: str):  # type: ignore[no-untyped-def]
    from cryptography import x509
    from cryptography.x509.oid import NameOID

    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, text[:64])])


def _host_names(hosts: list[str]):  # type: ignore[no-untyped-def]
    from cryptography import x509

    names: list[x509.GeneralName] = []
    for host in hosts:
        try:
            names.append(x509.IPAddress(ipaddress.ip_address(host)))
        except ValueError:
            label = host.strip().lower()
            if not label or len(label) > 253 or not all(
                    part and len(part) <= 63 and part.replace("-", "").isalnum()
                    and part.isascii() for part in label.split(".")):
                raise UserError(BAD_HOST, host=host[:80]) from None
            names.append(x509.DNSName(label))
    return names


def make_files(folder: Path, hosts: list[str], event_code: str) -> dict[str, Path]:
    """A new authority and the hub server's certificate for ``hosts``, written to
    ``folder`` (the keys readable by their owner only). Returns the three paths."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec

    names = _host_names(hosts)
    now = datetime.now(UTC) - timedelta(minutes=5)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = _name(f"BSM Desk hub authority {event_code}")
    ca = (x509.CertificateBuilder().subject_name(ca_name).issuer_name(ca_name)
          .public_key(ca_key.public_key()).serial_number(x509.random_serial_number())
          .not_valid_before(now).not_valid_after(now + timedelta(days=365 * YEARS))
          .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
          .add_extension(x509.KeyUsage(False, False, False, False, False, True, True, False,
                                       False), critical=True)
          .sign(ca_key, hashes.SHA256()))
    server_key = ec.generate_private_key(ec.SECP256R1())
    server = (x509.CertificateBuilder().subject_name(_name(hosts[0]))
              .issuer_name(ca_name).public_key(server_key.public_key())
              .serial_number(x509.random_serial_number()).not_valid_before(now)
              .not_valid_after(now + timedelta(days=365 * YEARS))
              .add_extension(x509.SubjectAlternativeName(names), critical=False)
              .add_extension(x509.BasicConstraints(ca=False, path_length=None),
                             critical=True)
              .add_extension(x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID
                                                    .SERVER_AUTH]), critical=False)
              .sign(ca_key, hashes.SHA256()))
    folder.mkdir(parents=True, exist_ok=True)
    found = {"ca": folder / CA_NAME, "cert": folder / CERT_NAME, "key": folder / KEY_NAME}
    found["ca"].write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    found["cert"].write_bytes(server.public_bytes(serialization.Encoding.PEM))
    _write_private(found["key"], server_key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption()))
    # The authority's own key is what a new server certificate needs; kept beside it.
    _write_private(folder / "hub-ca.key", ca_key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption()))
    return found


def _write_private(path: Path, data: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as out:
        out.write(data)


def authority_der(pem: bytes) -> bytes | None:
    """The authority's certificate (DER) if ``pem`` holds one that is a CA; else None."""
    from cryptography import x509

    try:
        cert = x509.load_pem_x509_certificate(pem)
        constraints = cert.extensions.get_extension_for_class(x509.BasicConstraints).value
    except (ValueError, x509.ExtensionNotFound):
        return None
    if not constraints.ca:
        return None
    from cryptography.hazmat.primitives import serialization

    return cert.public_bytes(serialization.Encoding.DER)


def read_authority(path: str | Path) -> bytes:
    """A CA certificate from a file (PEM), or UserError."""
    try:
        data = Path(path).read_bytes()[:100_000]
    except OSError as exc:
        raise UserError(BAD_CA, path=str(path)) from exc
    der = authority_der(data)
    if der is None:
        raise UserError(BAD_CA, path=str(path))
    return der


def encoded(der: bytes) -> str:
    return base64.urlsafe_b64encode(der).decode().rstrip("=")


def decoded(text: str) -> bytes | None:
    """The authority carried in an enrolment code (DER, checked), or None."""
    from cryptography import x509
    from cryptography.hazmat.primitives import serialization

    if not isinstance(text, str) or len(text) > 4_000:
        return None
    try:
        der = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
        cert = x509.load_der_x509_certificate(der)
        if not cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca:
            return None
    except (binascii.Error, ValueError, x509.ExtensionNotFound):
        return None
    return cert.public_bytes(serialization.Encoding.DER)


def pin_file(event_code: str, der: bytes) -> Path:
    """This desk's copy of the hub's authority (PEM), where libpq reads it."""
    from cryptography import x509
    from cryptography.hazmat.primitives import serialization

    folder = paths.data_dir() / "hub-authorities"
    folder.mkdir(parents=True, exist_ok=True)
    safe = "".join(c for c in event_code if c.isalnum() or c in "-_")[:40] or "event"
    path = folder / f"{safe}.crt"
    pem = x509.load_der_x509_certificate(der).public_bytes(serialization.Encoding.PEM)
    path.write_bytes(pem)
    return path


def is_socket(url: str) -> bool:
    """A hub on this machine's Unix socket: TLS has nothing to protect there."""
    host = str(conninfo.conninfo_to_dict(url).get("host") or "")
    return host.startswith("/") or host.startswith("@")


def pinned(url: str, ca_path: Path) -> str:
    """The connection string with TLS required and the hub's name checked against the
    certificate, signed by this authority alone."""
    params = conninfo.conninfo_to_dict(url)
    params.update(sslmode="verify-full", sslrootcert=str(ca_path))
    return conninfo.make_conninfo(**{k: str(v) for k, v in params.items()})


def authority_of(url: str) -> bytes | None:
    """The authority a kept connection string is pinned to (DER), if any."""
    params = conninfo.conninfo_to_dict(url)
    if params.get("sslmode") != "verify-full" or not params.get("sslrootcert"):
        return None
    try:
        return authority_der(Path(str(params["sslrootcert"])).read_bytes()[:100_000])
    except OSError:
        return None
