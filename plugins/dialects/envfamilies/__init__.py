"""The mail variables of application images, wherever their environment is written
(docker-compose ``environment``, and any other format that sets a process environment).

Each image family reads its own variables; the family is picked per service, by image
name or by the variables it sets. A family is a data sheet, one module each (``sheet``
says what one holds): its variables (the first name listed for a field is the one advice
suggests) and, in code, only how its program decides security from them. The program
semantics several families share are the ``javamail``-style sheets beside this package:
``nodemailer`` (generic ``SMTP_*``, Ghost, n8n) and ``djangomail`` (Django, authentik).
"""

from __future__ import annotations

from typing import Any

from emaillint.api import Reader, spelling

from emaillint_plugins.dialects.envfamilies import authentik, django, generic, ghost, laravel, n8n, vaultwarden
from emaillint_plugins.dialects.envfamilies.sheet import Environment, Family

FAMILIES: tuple[Family, ...] = (vaultwarden.FAMILY, laravel.FAMILY, ghost.FAMILY, authentik.FAMILY, n8n.FAMILY,
                                django.FAMILY, generic.FAMILY)
"""In the order they are tried: a family named by the image wins, then the first whose
variables the environment sets (generic ``SMTP_*`` last, since others share its names)."""
MARKERS = frozenset(name for family in FAMILIES for name in family.claims())
"""Variables that make an environment worth reading."""


def family_of(image: str, env: Environment) -> Family | None:
    image = image.lower()
    return (next((f for f in FAMILIES if any(name in image for name in f.images)), None)
            or next((f for f in FAMILIES if any(name in env for name in f.claims())), None))


def read(reader: Reader, name: str, path: tuple[Any, ...], env: Environment, image: str = "") -> None:
    """The account a process environment configures, if its family is known and it names a host."""
    family = family_of(image, env)
    if family is None:
        return
    env = _rewritten(reader, family, env)
    if any(_known(reader, env.get(switch)) not in (None, "", "smtp") for switch in family.switch):
        return  # another transport (log, sendmail, an HTTP API) sends, without these settings
    if not any(name in env and _known(reader, env[name]) != "" for name in family.hosts()):
        return  # unconfigured: SMTP_HOST= or no host at all
    passwords = [k for k, v in family.keys.items() if v == "password"]
    password = next((k for k in passwords if k in env), passwords[0])
    draft = reader.draft(name, path, spelling(family.program or name, family.keys, "{key}={value}",
                                              security=family.spelled, fields={
        "password": f"{password}=${{{password}}} (the value in an .env file kept out of the repository)"}))
    security = [k for k, v in family.keys.items() if getattr(v, "field", None) == "security"]
    reader.fields(draft, {k: s for k, s in env.items() if k not in security
                          and (_known(reader, s) != "" or family.keys.get(k) == "password")}, family.keys)
    family.security(reader, draft, env)
    _ignored(reader, family, name, env)
    reader.add(draft)


def _ignored(reader: Reader, family: Family, account: str, env: Environment) -> None:
    """Variables under the family's prefix that its program does not read."""
    if not family.prefix:
        return
    names = [*family.keys, *family.known]
    for key, setting in env.items():
        if key.startswith(family.prefix) and key not in names:
            hint = (f"write {family.renames[key]}" if key in family.renames
                    else f"write one of {', '.join(sorted(names))}")
            reader.ignored(setting.path, f"{key}: {family.program} does not read it", help=hint, account=account)


def _known(reader: Reader, setting: Any) -> str | None:
    """A variable's text, stripped and lower-cased; None when unset or known only at run time."""
    text = reader.text(setting) if setting is not None else None
    return text.strip().lower() if text is not None else None


def _rewritten(reader: Reader, family: Family, env: Environment) -> Environment:
    """``env`` as the program reads it: ``rewrites`` applied, variables it reads as unset dropped."""
    if not family.rewrites:
        return env
    result = {}
    for key, setting in env.items():
        word = _known(reader, setting)
        if word in family.rewrites:
            if family.rewrites[word] is None:
                continue
            setting = setting._replace(value=family.rewrites[word])
        result[key] = setting
    return result
