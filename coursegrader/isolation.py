"""Isolation of the student worker with bubblewrap (``bwrap``), the sandbox Flatpak uses.

The worker gets: no network (``--unshare-net``), its own PID namespace (it cannot see or signal the grader),
an unprivileged user in a user namespace with every capability dropped, a read-only view of only the
interpreter, the site-packages it imports from and the course packages student code may use (careerdata,
coursemodels), a size-limited private ``/tmp``, and one writable work folder that the grader deletes
afterwards. It does not see the course repository, the key, the checks or the instructor's home.
"""

from __future__ import annotations

import importlib.util
import shutil
import site
import subprocess
import sys
import sysconfig
import threading
from dataclasses import dataclass
from pathlib import Path

# Course packages that student code may import; their installed folders are shown read-only.
STUDENT_PACKAGES = ("careerdata", "coursemodels")
SYSTEM_DIRS = ("/usr", "/lib", "/lib32", "/lib64", "/bin", "/sbin")
SYSTEM_FILES = ("/etc/ld.so.cache", "/etc/ld.so.conf", "/etc/localtime", "/etc/nsswitch.conf")
FIX = ("install bubblewrap (Debian/Ubuntu: `sudo apt install bubblewrap`; Fedora: `sudo dnf install bubblewrap`);"
       " on macOS or Windows grade inside the course's grading container (see the instructors' guide:"
       " `docker build -f docker/grader/Dockerfile -t coursegrader .`)")
USERNS_FIX = ("user namespaces are restricted here (Ubuntu 24.04's AppArmor rule): run"
              " `sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0`, or grade as root or in the"
              " grading container")
LOST_WITHOUT_ISOLATION = [
    "the submission's code can read any file you can read, including the key and the hidden checks",
    "it can write, delete or change your files (the course repository included) and use the network",
    "it can see and signal your processes; the grader ignores signals from its own workers, but cannot stop"
    " SIGKILL",
    "processes it starts in a new session may outlive grading",
]
KEPT_WITHOUT_ISOLATION = ("verdicts are still decided outside the submission's process, and time, memory,"
                          " output and file-size limits still hold")


@dataclass(frozen=True)
class Probe:
    available: bool
    reason: str = ""


_probe: Probe | None = None
_lock = threading.Lock()


def probe() -> Probe:
    """Whether bubblewrap can start a sandbox here (tried once per process)."""
    global _probe
    with _lock:
        if _probe is not None:
            return _probe
        if not sys.platform.startswith("linux"):
            _probe = Probe(False, f"bubblewrap needs Linux and this is {sys.platform}; {FIX}")
        elif shutil.which("bwrap") is None:
            _probe = Probe(False, f"bubblewrap (`bwrap`) is not installed; {FIX}")
        else:
            try:
                done = subprocess.run([*base_command(Path("/")), "true"], capture_output=True, timeout=60,
                                      stdin=subprocess.DEVNULL)
                if done.returncode == 0:
                    _probe = Probe(True)
                else:
                    error = done.stderr.decode("utf-8", "replace").strip()[-300:]
                    _probe = Probe(False, f"bubblewrap is installed but cannot start a sandbox ({error}); "
                                          f"{USERNS_FIX}")
            except (OSError, subprocess.SubprocessError) as error:
                _probe = Probe(False, f"bubblewrap could not be run ({error}); {FIX}")
        return _probe


def _package_dirs() -> list[str]:
    dirs = []
    for name in STUDENT_PACKAGES:
        try:
            spec = importlib.util.find_spec(name)
        except (ImportError, ValueError):
            spec = None
        if spec is not None and spec.submodule_search_locations:
            dirs += [str(Path(p).resolve()) for p in spec.submodule_search_locations]
    return dirs


def readable_dirs() -> list[str]:
    """The folders the worker may read: the interpreter, site-packages, course packages (no repository)."""
    wanted = {sys.base_prefix, sys.prefix, sysconfig.get_paths()["stdlib"], sysconfig.get_paths()["purelib"],
              sysconfig.get_paths()["platlib"], str(Path(sys.executable).resolve().parent)}
    wanted.update(site.getsitepackages())
    wanted.update(_package_dirs())
    dirs = sorted({str(Path(p).resolve()) for p in wanted if p and Path(p).is_dir()})
    # Keep a folder only when no chosen folder contains it (binding the parent shows it anyway).
    return [d for d in dirs if not any(d != o and d.startswith(o.rstrip("/") + "/") for o in dirs)]


def base_command(work: Path, tmp_mb: int = 64) -> list[str]:
    command = ["bwrap", "--unshare-all", "--unshare-user", "--uid", "65534", "--gid", "65534", "--disable-userns",
               "--die-with-parent", "--new-session", "--cap-drop", "ALL", "--clearenv"]
    for folder in SYSTEM_DIRS:
        if Path(folder).exists():
            command += ["--ro-bind", folder, folder]
    for file in SYSTEM_FILES:
        if Path(file).exists():
            command += ["--ro-bind", file, file]
    command += ["--proc", "/proc", "--dev", "/dev", "--size", str(tmp_mb * 1024 * 1024), "--tmpfs", "/tmp"]
    for folder in readable_dirs():
        command += ["--ro-bind", folder, folder]
    if str(work) != "/":
        command += ["--bind", str(work), str(work), "--chdir", str(work)]
    # /dev/shm gets its own small tmpfs; the sandbox's root (holding the mount points) becomes read-only, so
    # nothing outside /tmp, /dev/shm and the work folder is writable.
    command += ["--size", str(16 * 1024 * 1024), "--tmpfs", "/dev/shm", "--remount-ro", "/"]
    return command


def worker_command(work: Path, env: dict[str, str], argv: list[str], tmp_mb: int = 64) -> list[str]:
    command = base_command(work, tmp_mb)
    for key, value in env.items():
        command += ["--setenv", key, value]
    return [*command, "--", *argv]


def exposes(folder: Path) -> list[str]:
    """The readable folders that would show ``folder`` (e.g. the course repository) to the worker."""
    target = str(Path(folder).resolve())
    return [d for d in readable_dirs() if target == d or target.startswith(d.rstrip("/") + "/")]
