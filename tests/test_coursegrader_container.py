"""The grading container's Dockerfile parses, copies only what exists, and installs bubblewrap and the tool.

(CI builds the image where Docker exists: `docker build -f docker/grader/Dockerfile .`.)"""

from __future__ import annotations

import json
import shlex

from course_paths import ROOT

DOCKERFILE = ROOT / "docker" / "grader" / "Dockerfile"
INSTRUCTIONS = {"FROM", "RUN", "COPY", "ADD", "ARG", "ENV", "WORKDIR", "USER", "ENTRYPOINT", "CMD", "LABEL",
                "EXPOSE", "VOLUME", "SHELL", "HEALTHCHECK", "STOPSIGNAL", "ONBUILD"}


def instructions() -> list[tuple[str, str]]:
    logical, current = [], ""
    for line in DOCKERFILE.read_text(encoding="utf-8").splitlines():
        if not current and (not line.strip() or line.lstrip().startswith("#")):
            continue
        current += line.rstrip("\\").strip() + " "
        if not line.rstrip().endswith("\\"):
            logical.append(current.strip())
            current = ""
    assert not current, "a line continuation runs off the end of the Dockerfile"
    return [(text.split(None, 1)[0].upper(), text.split(None, 1)[1] if " " in text else "") for text in logical]


def test_the_dockerfile_parses_and_copies_what_exists() -> None:
    parsed = instructions()
    assert parsed[0][0] == "FROM"
    assert all(name in INSTRUCTIONS for name, _ in parsed), [n for n, _ in parsed if n not in INSTRUCTIONS]
    for name, args in parsed:
        if name == "COPY":
            *sources, _target = shlex.split(args)
            for source in sources:
                assert (ROOT / source).exists(), f"COPY {source}: no such file in the repository"
        if name in ("ENTRYPOINT", "CMD"):
            json.loads(args)  # exec form


def test_the_image_has_bubblewrap_and_the_tool_outside_the_repository() -> None:
    text = " ".join(args for _, args in instructions())
    assert "bubblewrap" in text and "coursegrader --help" in text
    entry = dict(instructions())["ENTRYPOINT"]
    assert json.loads(entry) == ["coursegrader"]
    assert "/opt/venv" in text and "rm -rf /opt/course-src" in text, "installed outside the mounted course"
