"""Self-signed certificates for TLS listeners (clients of Switchvox don't verify them; others may).

`process_certificate()`: this process's one certificate, signed by a small CA of its own whose PEM
file (`ca.pem`, the handle's `ca_bundle`) clients trust; removed when the process exits.
`self_signed()`: a certificate that is its own issuer, written where the caller says (or in a
folder of its own, removed at exit).
"""

from __future__ import annotations

import atexit
import datetime
import ipaddress
import os
import shutil
import ssl
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

VALID_DAYS = 365


@dataclass(frozen=True)
class Certificate:
    """The files of a self-signed certificate: server certificate, its key, and the CA to trust."""

    cert: str
    key: str
    ca: str


def _name(common_name: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])


def _alt_names(host: str) -> list[x509.GeneralName]:
    names: list[x509.GeneralName] = [
        x509.DNSName("localhost"),
        x509.IPAddress(ipaddress.ip_address("127.0.0.1")),
    ]
    names.append(x509.IPAddress(ipaddress.ip_address("::1")))
    try:
        address = ipaddress.ip_address(host)
        if not address.is_unspecified and x509.IPAddress(address) not in names:
            names.append(x509.IPAddress(address))
    except ValueError:
        if host not in ("", "localhost"):
            names.append(x509.DNSName(host))
    return names


def _pem(key: ec.EllipticCurvePrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )


def _builder(
    subject: x509.Name, issuer: x509.Name, public_key: ec.EllipticCurvePublicKey
) -> x509.CertificateBuilder:
    now = datetime.datetime.now(datetime.timezone.utc)
    return (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer)
        .public_key(public_key)
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=VALID_DAYS))
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public_key), critical=False)
    )


def write_certificate(host: str, directory: str | Path) -> Certificate:
    """Make a CA and a server certificate for `host` (plus localhost, 127.0.0.1, ::1) in `directory`."""
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = _name("telephony-sandbox CA")
    ca_cert = (
        _builder(ca_name, ca_name, ca_key.public_key())
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(False, False, False, False, False, True, True, False, False), critical=True
        )
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    authority = x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key())
    cert = (
        _builder(_name("telephony-sandbox"), ca_name, key.public_key())
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(authority, critical=False)
        .add_extension(x509.SubjectAlternativeName(_alt_names(host)), critical=False)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    folder = Path(directory)
    paths = Certificate(str(folder / "cert.pem"), str(folder / "key.pem"), str(folder / "ca.pem"))
    Path(paths.ca).write_bytes(ca_cert.public_bytes(serialization.Encoding.PEM))
    Path(paths.cert).write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    Path(paths.key).touch(mode=0o600)
    Path(paths.key).write_bytes(_pem(key))
    return paths


def self_signed(host: str = "localhost", directory: str | None = None) -> tuple[str, str]:
    """Write a fresh self-signed certificate for `host` and its key; return their paths (cert, key).

    The certificate is its own issuer, so its file is also what a client trusts (`verify=cert`).
    """
    key = ec.generate_private_key(ec.SECP256R1())
    name = _name("telephony-sandbox")
    cert = (
        _builder(name, name, key.public_key())
        .add_extension(x509.SubjectAlternativeName(_alt_names(host)), critical=False)
        .sign(key, hashes.SHA256())
    )
    if directory is None:  # a folder of its own, removed when the process exits
        directory = tempfile.mkdtemp(prefix="telephony-sandbox-tls-")
        atexit.register(_remove, directory, os.getpid())
    folder = Path(directory)
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.touch(mode=0o600)
    key_path.write_bytes(_pem(key))
    return str(cert_path), str(key_path)


_lock = threading.Lock()
_process: dict[str, Certificate] = {}


def process_certificate(host: str = "localhost") -> Certificate:
    """This process's one self-signed certificate (the first caller's host), removed at exit."""
    with _lock:
        made = _process.get("certificate")
        if made is None:
            folder = tempfile.mkdtemp(prefix="telephony-sandbox-tls-")
            made = write_certificate(host, folder)
            _process["certificate"] = made
            atexit.register(_remove, folder, os.getpid())
        return made


def _remove(folder: str, owner: int) -> None:
    """Remove the certificate folder, in the process that made it only (not in a forked worker)."""
    if os.getpid() == owner:
        shutil.rmtree(folder, ignore_errors=True)


def server_context(cert: str, key: str) -> ssl.SSLContext:
    """An SSL context serving `cert` with `key` (ssl.SSLError or OSError when they don't load)."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    return context


def client_context(ca: str) -> ssl.SSLContext:
    """An SSL context that trusts `ca` (the sandbox's own CA file) and checks host names."""
    return ssl.create_default_context(cafile=ca)
