"""What an image family's data sheet holds (``Family``), and the reading every family shares."""

from __future__ import annotations

from typing import Any, Callable, Mapping, NamedTuple

from emaillint.api import Draft, Reader, Setting

Environment = Mapping[str, Setting]


class Family(NamedTuple):
    """One image family: the variables it reads and how it decides security.

    ``keys`` maps each variable to the account field it sets (the first name listed for a
    field is the one advice suggests); a ``Key`` for ``security`` is only spelled from, since
    ``security`` (code, for what data cannot say) decides the mode. ``program`` names the
    program in messages (empty: the compose service's name). A service is this family's when
    its image name contains one of ``images`` or it sets one of ``markers`` (default: the
    variables that name the host: its host variables and ``presets``, such as nodemailer's
    ``service``). ``switch`` names the variables that pick the transport: set
    to anything but ``smtp``, the SMTP variables are not used. ``rewrites`` maps values the
    program reads as something else (Laravel's ``null``) to what it reads (None: unset).
    A variable under ``prefix`` that is neither in ``keys`` nor ``known`` is one the program
    ignores (``unknown-key``), with the name to write from ``renames`` where people confuse
    them (n8n's ``N8N_SMTP_SECURE`` for ``N8N_SMTP_SSL``).
    """

    name: str
    keys: Mapping[str, Any]
    security: Callable[[Reader, Draft, Environment], None]
    spelled: Mapping[str, str] = {}
    """Security modes in the family's words, where no single variable spells them."""
    program: str = ""
    images: tuple[str, ...] = ()
    markers: tuple[str, ...] = ()
    presets: tuple[str, ...] = ()
    switch: tuple[str, ...] = ()
    rewrites: Mapping[str, str | None] = {}
    prefix: str = ""
    known: tuple[str, ...] = ()
    renames: Mapping[str, str] = {}

    def hosts(self) -> tuple[str, ...]:
        """The variables that name the host: without one set, the family sends nothing."""
        return tuple(name for name, key in self.keys.items() if key == "host") + self.presets

    def claims(self) -> tuple[str, ...]:
        """The variables that make an environment this family's."""
        return self.markers or self.hosts()


def flag(env: Environment, name: str, parse: Callable[[Setting], "bool | None"]) -> Any:
    """``(value, setting)`` of a boolean variable as the program ``parse``s it; None when it
    is not set or its value is unknown at lint time."""
    setting = env.get(name)
    value = parse(setting) if setting is not None else None
    return None if value is None else (value, setting)
