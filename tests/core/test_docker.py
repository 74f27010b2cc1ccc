"""The Docker image, without Docker: its Dockerfile read as Docker reads it, its commands run as processes.

No base image can be pulled here, so the image's own command line (ENTRYPOINT + CMD, with its ENV)
and its HEALTHCHECK command run as child processes, with another port and TLS, as `docker run -e`
would set them.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from sandbox.healthcheck import health_url
from sandbox.testing import free_port

DOCKERFILE = Path(__file__).resolve().parents[2] / "Dockerfile"


def instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) in order, continuation lines joined, comments dropped."""
    joined = re.sub(r"\\\n", " ", DOCKERFILE.read_text(encoding="utf-8"))
    found = []
    for line in joined.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            word, _, rest = line.partition(" ")
            found.append((word.upper(), " ".join(rest.split())))
    return found


def arguments(name: str) -> list[str]:
    """The arguments of every instruction `name`."""
    return [rest for word, rest in instructions() if word == name]


def exec_form(text: str) -> list[str]:
    """A JSON-array instruction argument (exec form)."""
    value = json.loads(text)
    assert isinstance(value, list), text
    return value


def image_env() -> dict[str, str]:
    """What the image's ENV instructions set."""
    env: dict[str, str] = {}
    for rest in arguments("ENV"):
        for pair in re.findall(r"(\w+)=(\S+)", rest):
            env[pair[0]] = pair[1]
    return env


def healthcheck_command() -> list[str]:
    """The HEALTHCHECK's CMD, exec form."""
    (rest,) = arguments("HEALTHCHECK")
    return exec_form(rest.split(" CMD ", 1)[1])


def local(command: list[str]) -> list[str]:
    """The image's command with its programs as installed here."""
    programs = {
        "python": sys.executable,
        "telephony-sandbox": str(Path(sys.executable).parent / "telephony-sandbox"),
    }
    return [programs.get(command[0], command[0]), *command[1:]]


def run_env(**overrides: str) -> dict[str, str]:
    """The process environment a container of the image gets, with `docker run -e` overrides."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("SANDBOX_")}
    env.update(image_env())
    env.update(overrides)
    return env


@contextmanager
def container(env: dict[str, str]) -> Iterator[subprocess.Popen[bytes]]:
    """The image's ENTRYPOINT + CMD as a process, until the block ends."""
    command = exec_form(arguments("ENTRYPOINT")[0]) + exec_form(arguments("CMD")[0])
    process = subprocess.Popen(local(command), env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        yield process
    finally:
        process.terminate()
        process.wait(timeout=20)
        assert process.stdout is not None
        process.stdout.close()


def healthy(env: dict[str, str]) -> bool:
    """The image's HEALTHCHECK command, run once."""
    return (
        subprocess.run(local(healthcheck_command()), env=env, capture_output=True, timeout=30).returncode == 0
    )


def wait_healthy(env: dict[str, str], process: subprocess.Popen[bytes]) -> None:
    """Probe as Docker would during the start period, until healthy or the process ends."""
    for _ in range(150):
        if healthy(env):
            return
        assert process.poll() is None, "the image's command ended"
        time.sleep(0.2)
    raise AssertionError("never healthy")


def test_the_base_image_is_pinned_to_a_full_version() -> None:
    (base,) = arguments("FROM")
    assert re.fullmatch(r"python:\d+\.\d+\.\d+-slim(-[a-z]+)?(@sha256:[0-9a-f]{64})?", base), base


def test_dependencies_are_installed_before_the_code_is_copied() -> None:
    steps = instructions()
    install = next(i for i, (word, rest) in enumerate(steps) if word == "RUN" and "pip install -r" in rest)
    copies = [(i, rest) for i, (word, rest) in enumerate(steps) if word == "COPY"]
    before = [rest for i, rest in copies if i < install]
    after = [rest for i, rest in copies if i > install]
    assert before == ["pyproject.toml ./"]
    assert any(rest.startswith("sandbox ") for rest in after)


def test_it_runs_as_a_user_who_owns_the_data_volume() -> None:
    (user,) = arguments("USER")
    uid = user.split(":")[0]
    assert uid not in ("root", "0")
    steps = instructions()
    volume = next(i for i, (word, _) in enumerate(steps) if word == "VOLUME")
    assert exec_form(steps[volume][1]) == ["/data"]
    # Docker copies a volume's ownership from the image when it is first mounted: chown before VOLUME.
    chowns = [
        rest
        for word, rest in steps[:volume]
        if word == "RUN" and re.search(rf"chown {uid}(:\d+)? /data", rest)
    ]
    assert chowns


def test_the_command_sets_no_flag_and_no_server() -> None:
    command = exec_form(arguments("ENTRYPOINT")[0]) + exec_form(arguments("CMD")[0])
    assert command == ["telephony-sandbox", "serve"]
    assert "SANDBOX_SERVER" not in image_env()
    assert image_env()["SANDBOX_PORT"] == "8080"


def test_the_healthcheck_has_a_start_period() -> None:
    (rest,) = arguments("HEALTHCHECK")
    assert re.search(r"--start-period=\d+s", rest)


def test_the_data_folder_is_not_in_the_build_context() -> None:
    ignored = (DOCKERFILE.parent / ".dockerignore").read_text(encoding="utf-8").split()
    assert {".git", ".venv", "tests"} <= set(ignored)


@pytest.mark.parametrize("tls", ["1", "0"])
def test_the_image_command_and_healthcheck_follow_port_and_tls(tls: str, tmp_path: Path) -> None:
    env = run_env(SANDBOX_HOST="127.0.0.1", SANDBOX_PORT=str(free_port()), SANDBOX_TLS=tls)
    env["SANDBOX_DATA"] = str(tmp_path / "state.json")
    with container(env) as process:
        wait_healthy(env, process)
        scheme = "https" if tls == "1" else "http"
        assert health_url(env) == f"{scheme}://127.0.0.1:{env['SANDBOX_PORT']}/__sandbox/health"
    assert not healthy(env)
    assert (tmp_path / "state.json").exists()


def test_the_healthcheck_is_unhealthy_when_nothing_answers() -> None:
    env = run_env(SANDBOX_PORT=str(free_port()))
    assert not healthy(env)


def test_the_healthcheck_probes_loopback_for_a_wildcard_host() -> None:
    assert (
        health_url({"SANDBOX_HOST": "0.0.0.0", "SANDBOX_PORT": "9000"})
        == "http://127.0.0.1:9000/__sandbox/health"
    )
    assert health_url({"SANDBOX_CERT": "c.pem"}) == "https://127.0.0.1:8080/__sandbox/health"
    assert health_url({"SANDBOX_HOST": "::1", "SANDBOX_TLS": "yes"}) == "https://[::1]:8080/__sandbox/health"


def test_a_bad_port_variable_is_unhealthy_not_a_traceback() -> None:
    probe = subprocess.run(
        local(healthcheck_command()), env=run_env(SANDBOX_PORT="abc"), capture_output=True, text=True
    )
    assert probe.returncode == 1
    assert probe.stderr == "unhealthy: SANDBOX_PORT=abc: not an integer\n"


def test_the_dependency_layer_installs_the_projects_requirements(tmp_path: Path) -> None:
    tomllib = pytest.importorskip("tomllib")
    (step,) = [rest for rest in arguments("RUN") if "pip install -r" in rest]
    listing = step.split(" > /tmp/requirements.txt", 1)[0].replace("python ", f"{sys.executable} ", 1)
    shutil.copyfile(DOCKERFILE.parent / "pyproject.toml", tmp_path / "pyproject.toml")
    out = subprocess.run(["sh", "-c", listing], cwd=tmp_path, capture_output=True, text=True, check=True)
    project = tomllib.loads((DOCKERFILE.parent / "pyproject.toml").read_text(encoding="utf-8"))
    assert out.stdout.splitlines() == project["build-system"]["requires"] + project["project"]["dependencies"]
    (install,) = [rest for rest in arguments("RUN") if "pip install --no-deps" in rest]
    assert "--no-build-isolation" in install  # the build backend is in the dependency layer: no download
