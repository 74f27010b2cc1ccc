"""Self-signed certificates: one per process, trusted through its CA file, removed at exit."""

from __future__ import annotations

import ssl
import subprocess
import sys
from pathlib import Path

import pytest

from sandbox.tls import process_certificate, self_signed, server_context, write_certificate

SCRIPT = """
from sandbox.tls import process_certificate, self_signed
first, second = process_certificate(), process_certificate()
assert first == second
print(first.ca)
print(self_signed()[0])
"""


def test_a_process_makes_one_certificate_and_removes_it_at_exit() -> None:
    out = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, check=True)
    ca, cert = (Path(line) for line in out.stdout.split())
    assert (ca.name, cert.name) == ("ca.pem", "cert.pem")
    assert ca.parent != cert.parent
    assert not ca.parent.exists()
    assert not cert.parent.exists()


def test_this_process_has_one_certificate() -> None:
    assert process_certificate() is process_certificate()
    assert Path(process_certificate().ca).is_file()


def test_the_key_is_readable_by_its_owner_only(tmp_path: Path) -> None:
    made = write_certificate("localhost", tmp_path)
    assert Path(made.key).stat().st_mode & 0o077 == 0
    assert server_context(made.cert, made.key) is not None


def test_a_certificate_for_a_host_name_names_it(tmp_path: Path) -> None:
    from cryptography import x509

    cert, _ = self_signed("sandbox.example", str(tmp_path))
    loaded = x509.load_pem_x509_certificate(Path(cert).read_bytes())
    names = loaded.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    assert "sandbox.example" in names.get_values_for_type(x509.DNSName)


def test_a_key_that_does_not_match_is_refused(tmp_path: Path) -> None:
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    one, two = (
        write_certificate("localhost", tmp_path / "one"),
        write_certificate("localhost", tmp_path / "two"),
    )
    with pytest.raises(ssl.SSLError, match="KEY_VALUES_MISMATCH"):
        server_context(one.cert, two.key)
