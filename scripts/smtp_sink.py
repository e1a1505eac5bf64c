#!/usr/bin/python3
"""A real SMTP server that stores every message it receives, for Yorozu's tests.

Usage:
    python3 scripts/smtp_sink.py --port PORT --dir DIR [--host 127.0.0.1] [--accept-auth]

Every accepted message is written to DIR/<n>.eml (n = 1, 2, ... continuing after any
<n>.eml already in DIR) exactly as received in DATA (bytes, CRLF line ends, after SMTP
dot-unstuffing), with a sidecar DIR/<n>.json:
    {"n": 1, "mail_from": "...", "rcpt_tos": ["..."], "peer": "127.0.0.1:54321",
     "helo": "...", "auth_login": null, "received_at": "2026-...Z", "size": 1234}
The sidecar is written first and both files are renamed into place, so once <n>.eml
exists it is complete and its .json is there.

Prints "ready" on stdout (flushed) once it accepts connections; with --port 0 a free
port is chosen and "port N" is printed on the line before "ready". Exits 0 on SIGTERM
or SIGINT.

--accept-auth advertises AUTH PLAIN/LOGIN without TLS and accepts any credentials (the
login is recorded in the sidecar), for clients configured with a user and password.

Needs aiosmtpd: Debian's python3-aiosmtpd (for /usr/bin/python3). If the python3 that
runs this lacks it (e.g. a pyenv python first in PATH), the script re-executes itself
with /usr/bin/python3.
"""

import argparse
import json
import os
import re
import signal
import socket
import sys
import threading
import logging
from datetime import datetime, timezone

DEBIAN_PYTHON = "/usr/bin/python3"
# aiosmtpd 1.4 logs a warning about its own deprecated Session.login_data during every AUTH.
logging.getLogger("mail.log").addFilter(lambda record: "login_data" not in record.getMessage())

try:
    from aiosmtpd.controller import Controller
    from aiosmtpd.smtp import AuthResult
except ImportError:  # pragma: no cover - depends on the machine
    if (
        os.path.exists(DEBIAN_PYTHON)
        and os.path.realpath(sys.executable) != os.path.realpath(DEBIAN_PYTHON)
        and not os.environ.get("YOROZU_SMTP_SINK_REEXEC")
    ):
        os.environ["YOROZU_SMTP_SINK_REEXEC"] = "1"
        os.execv(DEBIAN_PYTHON, [DEBIAN_PYTHON, os.path.abspath(__file__), *sys.argv[1:]])
    sys.stderr.write(
        "smtp_sink.py: the Python module aiosmtpd is missing; install Debian's package: "
        "apt-get install -y --no-install-recommends python3-aiosmtpd\n"
    )
    sys.exit(1)


class Sink:
    """aiosmtpd handler that writes each message to the output folder."""

    def __init__(self, out_dir: str):
        self.out_dir = out_dir
        self.lock = threading.Lock()
        existing = [
            int(m.group(1))
            for name in os.listdir(out_dir)
            if (m := re.fullmatch(r"(\d+)\.eml", name))
        ]
        self.next_n = max(existing, default=0) + 1

    async def handle_DATA(self, server, session, envelope):
        raw = envelope.original_content
        if raw is None:  # decode_data=True would leave only str content; we never set it
            raw = envelope.content if isinstance(envelope.content, bytes) else envelope.content.encode("utf-8")
        with self.lock:
            n = self.next_n
            self.next_n += 1
        peer = session.peer
        if isinstance(peer, tuple):
            peer = f"{peer[0]}:{peer[1]}"
        login = getattr(getattr(session, "auth_data", None), "login", None)
        if isinstance(login, bytes):
            login = login.decode("utf-8", "replace")
        meta = {
            "n": n,
            "mail_from": envelope.mail_from,
            "rcpt_tos": list(envelope.rcpt_tos),
            "peer": peer,
            "helo": session.host_name,
            "auth_login": login if isinstance(login, str) else None,
            "received_at": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
            "size": len(raw),
        }
        base = os.path.join(self.out_dir, str(n))
        self._write_atomic(base + ".json", json.dumps(meta, ensure_ascii=False, indent=2).encode("utf-8"))
        self._write_atomic(base + ".eml", raw)
        return "250 Message accepted for delivery"

    @staticmethod
    def _write_atomic(path: str, data: bytes) -> None:
        tmp = path + ".part"
        with open(tmp, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)


def accept_any(server, session, envelope, mechanism, auth_data):
    return AuthResult(success=True, handled=False, auth_data=auth_data)


def free_port(host: str) -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def main() -> int:
    ap = argparse.ArgumentParser(description="SMTP sink writing each message to DIR/<n>.eml")
    ap.add_argument("--port", type=int, required=True, help="TCP port (0 = pick a free one)")
    ap.add_argument("--dir", required=True, help="folder for <n>.eml and <n>.json (created)")
    ap.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    ap.add_argument("--accept-auth", action="store_true", help="accept AUTH with any credentials, without TLS")
    args = ap.parse_args()

    os.makedirs(args.dir, exist_ok=True)
    port = args.port or free_port(args.host)

    kwargs = dict(enable_SMTPUTF8=True, hostname=args.host, port=port, ident="yorozu-smtp-sink")
    if args.accept_auth:
        kwargs.update(auth_require_tls=False, authenticator=accept_any)
    controller = Controller(Sink(args.dir), **kwargs)

    stop = threading.Event()

    def on_signal(signum, frame):
        stop.set()

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)

    try:
        controller.start()
    except Exception as e:  # e.g. port in use
        sys.stderr.write(f"smtp_sink.py: cannot listen on {args.host}:{port}: {e}\n")
        return 1
    if args.port == 0:
        print(f"port {port}", flush=True)
    print("ready", flush=True)
    try:
        while not stop.wait(0.5):
            pass
    finally:
        controller.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
