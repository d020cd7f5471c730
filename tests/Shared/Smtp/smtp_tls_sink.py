# An SMTP sink that insists on STARTTLS and AUTH (PLAIN/LOGIN) before it takes a message, keeping
# each message in a maildir: aiosmtpd's command line cannot ask for authentication.
# Arguments: host port maildir certfile keyfile user password
import ssl
import sys
import threading

from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Mailbox
from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword

host, port, maildir, cert, key, user, password = sys.argv[1:8]
context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
context.load_cert_chain(cert, key)


def authenticate(server, session, envelope, mechanism, data):
    ok = isinstance(data, LoginPassword) and data.login == user.encode() and data.password == password.encode()
    return AuthResult(success=ok, handled=False)


class MechanismAnyCase(SMTP):
    """System.Net.Mail sends `AUTH login`; aiosmtpd 1.4 matches mechanism names in upper case only."""

    async def smtp_AUTH(self, arg):
        mechanism, _, rest = (arg or "").partition(" ")
        return await super().smtp_AUTH(" ".join(part for part in (mechanism.upper(), rest) if part))


class Sink(Controller):
    def factory(self):
        return MechanismAnyCase(self.handler, **self.SMTP_kwargs)


controller = Sink(Mailbox(maildir), hostname=host, port=int(port), tls_context=context, require_starttls=True,
                        authenticator=authenticate, auth_required=True, auth_require_tls=True)
controller.start()
print("ready", flush=True)
threading.Event().wait()
