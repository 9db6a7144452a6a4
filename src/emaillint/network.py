"""What a host name says about where mail goes: a test sink on this machine, or the local network.

No plugin can know such hosts, and mail sent to them never reaches the Internet, so
rules that are about providers or deliverable addresses leave them alone.
"""

from __future__ import annotations

from typing import Any

LOOPBACK_NAMES = ("localhost", "localhost.localdomain", "ip6-localhost")
LOCAL_SUFFIXES = (".local", ".localhost", ".internal", ".lan", ".home.arpa", ".test")
SERVICE_SUFFIXES = (".svc", ".svc.cluster.local")
"""A Kubernetes Service's in-cluster name (``mailhog.mail.svc.cluster.local``): what a
container name is in a compose network."""


def is_test_sink(host: str | None) -> bool:
    """Loopback, a one-word name such as a container (``mailhog``, ``maildev``), or a
    Kubernetes Service's name in the cluster."""
    if not host:
        return False
    host = host.strip().lower().strip("[]")
    return host in LOOPBACK_NAMES or host.startswith("127.") or host == "::1" or (
        "." not in host and ":" not in host) or host.endswith(SERVICE_SUFFIXES)


def is_local(host: str | None) -> bool:
    """A test sink, a private or link-local address, or a name reserved for local networks."""
    if not host:
        return False
    if is_test_sink(host):
        return True
    host = host.strip().lower().strip("[]")
    if host.endswith(LOCAL_SUFFIXES):
        return True
    address = ip_address(host)
    return address is not None and (address.is_private or address.is_link_local or address.is_loopback)


_IP_CHARACTERS = frozenset("0123456789abcdefABCDEF.:")


def ip_address(host: str) -> Any:
    """The IPv4/IPv6 address a host is written as, or None for a name.

    Names are turned away by their characters first: this runs for every account, and
    ``ipaddress`` is slow to refuse a name."""
    host = host.strip().strip("[]")
    if not host or not _IP_CHARACTERS.issuperset(host):
        return None
    import ipaddress

    try:
        return ipaddress.ip_address(host)
    except ValueError:
        return None
