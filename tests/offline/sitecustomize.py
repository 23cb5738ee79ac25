"""Refuse outbound network connections in every Python process the test suite starts.

The test suite puts this folder first on PYTHONPATH, so Python imports this module at start-up in the
notebook kernels (nbval, the book build, the determinism run) and in any other subprocess. The course
promises to run offline: a notebook that tries to reach anything but this machine gets an error that says
so, and the attempt is also written to the file named by COURSE_NETWORK_LOG, so that a notebook which
catches the error still fails the tests.
"""

from __future__ import annotations

import ipaddress
import os
import socket

_LOG = os.environ.get("COURSE_NETWORK_LOG")
_LOCAL_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost", ""}


class NetworkAccessRefused(ConnectionRefusedError):
    """Raised instead of connecting: the course must run without network access."""


def _is_local(host: object) -> bool:
    if isinstance(host, bytes):
        host = host.decode(errors="replace")
    if not isinstance(host, str):
        return True  # not an internet address (e.g. AF_UNIX paths are handled by the caller)
    host = host.strip("[]").split("%")[0]
    if host.lower() in _LOCAL_NAMES:
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False  # a host name other than localhost: resolving it is already network access
    return address.is_loopback or address.is_unspecified


def _refuse(what: str, target: object) -> None:
    message = (
        f"Network access refused: this code tried to {what} {target!r}. The course runs offline; "
        "generate the data in the notebook or ship it in the repository instead."
    )
    if _LOG:
        try:
            with open(_LOG, "a", encoding="utf-8") as log:
                log.write(f"{os.getpid()}\t{what}\t{target!r}\n")
        except OSError:
            pass
    raise NetworkAccessRefused(message)


_real_connect = socket.socket.connect
_real_connect_ex = socket.socket.connect_ex
_real_getaddrinfo = socket.getaddrinfo


def _target_host(sock: socket.socket, address: object) -> object:
    if sock.family in (socket.AF_INET, socket.AF_INET6) and isinstance(address, tuple):
        return address[0]
    return None  # AF_UNIX and other local families


def _guarded_connect(self: socket.socket, address: object) -> None:
    host = _target_host(self, address)
    if host is not None and not _is_local(host):
        _refuse("connect to", address)
    return _real_connect(self, address)


def _guarded_connect_ex(self: socket.socket, address: object) -> int:
    host = _target_host(self, address)
    if host is not None and not _is_local(host):
        _refuse("connect to", address)
    return _real_connect_ex(self, address)


def _guarded_getaddrinfo(host, *args, **kwargs):  # type: ignore[no-untyped-def]
    if host is not None and not _is_local(host):
        _refuse("look up", host)
    return _real_getaddrinfo(host, *args, **kwargs)


if os.environ.get("COURSE_ALLOW_NETWORK") != "1":
    socket.socket.connect = _guarded_connect  # type: ignore[method-assign]
    socket.socket.connect_ex = _guarded_connect_ex  # type: ignore[method-assign]
    socket.getaddrinfo = _guarded_getaddrinfo
