"""A tiny SMTP server for tests (asyncio, in a thread): enough of RFC 5321 for smtplib's
EHLO/MAIL/RCPT/DATA/QUIT, and AUTH PLAIN/LOGIN when a password is set. Received messages land in
`messages`; `fail_next` makes the next DATA answer 451; `pause` and `while_sending` hold a
message in flight."""

import asyncio
import base64
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from email import message_from_bytes
from email.message import Message

import pytest


@dataclass
class Received:
    sender: str
    recipients: list[str]
    message: Message


@dataclass
class SmtpServer:
    host: str = "127.0.0.1"
    port: int = 0
    user: str = ""
    password: str = ""
    messages: list[Received] = field(default_factory=list)
    fail_next: int = 0
    logins: list[str] = field(default_factory=list)
    # Seconds to wait before answering DATA, and a call made then (in the server's thread).
    pause: float = 0.0
    while_sending: Callable[[], None] | None = None

    def start(self) -> None:
        self._loop = asyncio.new_event_loop()
        ready = threading.Event()

        def run() -> None:
            asyncio.set_event_loop(self._loop)
            server = self._loop.run_until_complete(
                asyncio.start_server(self._handle, self.host, 0))
            self.port = server.sockets[0].getsockname()[1]
            self._server = server
            ready.set()
            self._loop.run_forever()
            server.close()
            self._loop.run_until_complete(server.wait_closed())

        self._thread = threading.Thread(target=run, daemon=True)
        self._thread.start()
        ready.wait(5)

    def stop(self) -> None:
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(5)

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        def say(line: str) -> None:
            writer.write((line + "\r\n").encode())

        say("220 test ESMTP")
        sender, recipients, authed = "", [], not self.password
        while line := await reader.readline():
            command = line.decode(errors="replace").strip()
            verb = command.split(" ", 1)[0].upper()
            if verb in ("EHLO", "HELO"):
                say("250-test" if self.password else "250 test")
                if self.password:
                    say("250 AUTH PLAIN LOGIN")
            elif verb == "AUTH":
                parts = command.split()
                if parts[1].upper() == "PLAIN":
                    blob = parts[2] if len(parts) > 2 else ""
                    if not blob:
                        say("334 ")
                        blob = (await reader.readline()).decode().strip()
                    _, user, password = base64.b64decode(blob).decode().split("\x00")
                else:
                    say("334 VXNlcm5hbWU6")
                    user = base64.b64decode(await reader.readline()).decode()
                    say("334 UGFzc3dvcmQ6")
                    password = base64.b64decode(await reader.readline()).decode()
                authed = user == self.user and password == self.password
                self.logins.append(user)
                say("235 ok" if authed else "535 bad credentials")
            elif verb == "MAIL":
                if not authed:
                    say("530 authentication required")
                    continue
                sender, recipients = command.split(":", 1)[1].strip(" <>"), []
                say("250 ok")
            elif verb == "RCPT":
                recipients.append(command.split(":", 1)[1].strip(" <>"))
                say("250 ok")
            elif verb == "DATA":
                say("354 go on")
                await writer.drain()
                data = b""
                while (chunk := await reader.readline()) not in (b".\r\n", b""):
                    data += chunk[1:] if chunk.startswith(b"..") else chunk
                if self.pause:
                    await asyncio.sleep(self.pause)
                if self.while_sending is not None:
                    self.while_sending()
                if self.fail_next:
                    self.fail_next -= 1
                    say("451 try again later")
                else:
                    self.messages.append(Received(sender, recipients, message_from_bytes(data)))
                    say("250 queued")
            elif verb == "RSET" or verb == "NOOP":
                say("250 ok")
            elif verb == "QUIT":
                say("221 bye")
                await writer.drain()
                break
            else:
                say("502 not implemented")
            await writer.drain()
        writer.close()


@pytest.fixture
def smtp_server(monkeypatch: pytest.MonkeyPatch) -> Iterator[SmtpServer]:
    """A running local SMTP server, with SEARCHLIGHT_SMTP_* pointing at it."""
    server = SmtpServer()
    server.start()
    monkeypatch.setenv("SEARCHLIGHT_SMTP_HOST", server.host)
    monkeypatch.setenv("SEARCHLIGHT_SMTP_PORT", str(server.port))
    monkeypatch.setenv("SEARCHLIGHT_SMTP_FROM", "jobs@searchlight.test")
    yield server
    server.stop()
