"""docker-compose ``services.*.environment``: the mail variables of the common images.

Compose files have no mail schema; each image reads its own variables, and
``envfamilies`` knows the families, one data sheet each: vaultwarden's (``SMTP_SECURITY``),
Laravel's (``MAIL_*``), Ghost's (``mail__options__*``), authentik's (``AUTHENTIK_EMAIL__*``),
n8n's (``N8N_SMTP_*``), Django's (``EMAIL_*``) and the generic ``SMTP_*`` one of
nodemailer-based and many other images (``SMTP_SECURE=true`` is implicit TLS). Both
``environment`` forms are read (``- KEY=value`` and ``KEY: value``), anchors and merge
keys included, with Compose interpolation: ``${NAME}`` and a bare ``KEY`` come from the shell or ``.env`` at
run time; ``${NAME:-fallback}`` uses the fallback whenever the variable is unset, so a
fallback is checked like a written value, and a fallback password is a password written
in the file. Source: https://docs.docker.com/reference/compose-file/interpolation/.
"""

from __future__ import annotations

from typing import Any

from emaillint.api import Dialect, Reader, Reading, environment, hookimpl, interpolate_compose

from emaillint_plugins.dialects import envfamilies

NAME = "compose"


def _services(doc: Any) -> list[tuple[str, dict[str, Any]]]:
    services = doc.get(("services",))
    if not isinstance(services, dict):
        return []
    return [(name, service) for name, service in services.items()
            if isinstance(service, dict) and isinstance(service.get("environment"), (dict, list))]


def detect(doc: Any) -> bool:
    for service in doc.keys(("services",)):
        path = ("services", service, "environment")
        listed = [str(doc.scalar(path + (i,)) or "").partition("=")[0].strip() for i in range(doc.length(path) or 0)]
        if envfamilies.MARKERS.intersection(doc.keys(path) | set(listed)):
            return True
    return False


def read(doc: Any, options: Any) -> Reading:
    reader = Reader(doc, options, NAME, interpolate_compose, form="{key}={value}")
    for name, service in _services(doc):
        path = ("services", name, "environment")
        # a bare KEY takes its value from the shell at run time, as ${KEY} does
        env = {key: s if s.value is not None else s._replace(value=f"${{{key}}}")
               for key, s in environment(doc, path).items()}
        envfamilies.read(reader, name, path, env, str(service.get("image", "")))
    return reader.reading()


DIALECT = Dialect(name=NAME, summary="docker-compose environment: generic SMTP_*, Django EMAIL_*, vaultwarden, Laravel MAIL_*,"
                          " Ghost mail__*, authentik AUTHENTIK_EMAIL__*, n8n N8N_SMTP_*",
                  detect=detect, read=read, needles=("services",))


@hookimpl
def emaillint_dialects():
    return [DIALECT]
