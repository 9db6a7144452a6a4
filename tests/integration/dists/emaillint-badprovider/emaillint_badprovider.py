"""Provider data sheets with values of the wrong type: a daily limit in words, a port as text."""

from emaillint.api import STARTTLS, Endpoint, Host, Plan, Provider, hookimpl

SOURCE = "https://example.com/smtp"


@hookimpl
def emaillint_providers():
    return [
        Provider("lots-relay", "Lots Relay", (Host("smtp.lots.example", (Endpoint(587, STARTTLS, SOURCE),), SOURCE),),
                 ("lots.example",), (Plan("free", "Free", SOURCE, recipients_per_day="lots"),)),
        Provider("text-port-relay", "Text Port Relay",
                 (Host("smtp.textport.example", (Endpoint("587", STARTTLS, SOURCE),), SOURCE),),
                 ("textport.example",), (Plan("free", "Free", SOURCE),)),
    ]
