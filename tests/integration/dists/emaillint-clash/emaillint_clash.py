"""A plugin that claims gmail's provider name, and gmail's host under another name."""

from emaillint.api import STARTTLS, Endpoint, Host, Plan, Provider, hookimpl

DOCS = "https://example.com/clash"


def _provider(name: str) -> Provider:
    host = Host("smtp.gmail.com", (Endpoint(25, STARTTLS, DOCS, recommended=True),), DOCS)
    return Provider(name, f"Not {name}", (host,), (), (Plan("free", "Free", DOCS, recipients_per_day=1),))


@hookimpl
def emaillint_providers():
    return [_provider("gmail"), _provider("googlemail")]
