"""A loopback stand-in for Twilio's Messages API, scripted per recipient, so the real SDK can be tested offline."""

from __future__ import annotations

import base64
import itertools
import json
import threading
import time
from datetime import UTC, datetime
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

ACCOUNT_SID = "AC" + "1" * 32
AUTH_TOKEN = "test-auth-token"
FROM_NUMBER = "+15005550006"

ERRORS = {
    400: {"code": 21211, "message": "The 'To' number is not a valid phone number.", "status": 400},
    429: {"code": 20429, "message": "Too Many Requests", "status": 429},
    500: {"code": 20500, "message": "Internal Server Error", "status": 500},
    "opted-out": {"code": 21610, "message": "Attempt to send to unsubscribed recipient", "status": 400},
}


class FakeTwilio:
    """`POST /2010-04-01/Accounts/{sid}/Messages.json`: answers 201, 400, 429, 500 or hangs ("timeout").

    Two behaviours stand for a sender killed mid-request: "hold" keeps the request unanswered and never
    creates the message; "accept-hold" creates it, then keeps the answer back. Both last until `release()`.
    `GET .../Messages.json?To=&From=&PageSize=` lists the messages it holds, newest first, as Twilio does.
    """

    def __init__(self, hang_s: float = 2.0) -> None:
        self.hang_s = hang_s
        self.script: dict[str, list] = {}  # To -> behaviours in order; the last one repeats
        self.requests: list[dict] = []  # every POST received, decoded
        self.messages: list[dict] = []  # what Twilio holds: every message it created, in order
        self.list_requests: list[dict] = []  # every GET of the message list, its query decoded
        self.holding = threading.Semaphore(0)  # released once per request that starts being held
        self._release = threading.Event()
        self.media: dict[str, tuple[bytes, str]] = {}  # path -> (bytes, content type), served to basic auth only
        self.media_requests: list[dict] = []
        self._sids = itertools.count(1)
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        """Origin the SDK is pointed at."""
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def created(self) -> list[dict]:
        """Requests whose message Twilio created: the messages it would deliver."""
        return [r for r in self.requests if "sid" in r]

    def holds(self, to: str, body: str, from_: str = FROM_NUMBER) -> str:
        """A message Twilio already has (its sender died before hearing back); returns its sid."""
        record = {"path": f"/2010-04-01/Accounts/{ACCOUNT_SID}/Messages.json", "form": {"To": to, "From": from_,
                                                                                    "Body": body}}
        return self._create(record)["sid"]

    def release(self) -> None:
        """End every hold: held requests are dropped (the client is gone)."""
        self._release.set()

    def __enter__(self) -> "FakeTwilio":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.release()
        self._server.shutdown()
        self._server.server_close()

    def _create(self, record: dict) -> dict:
        """Twilio's message resource for a POST it accepts."""
        form = record["form"]
        now = datetime.now(UTC)
        with self._lock:
            message = {"sid": f"SM{next(self._sids):032d}", "status": "queued", "to": form.get("To"),
                       "from": form.get("From"), "body": form.get("Body"), "account_sid": record["path"].split("/")[3],
                       "direction": "outbound-api", "date_created": format_datetime(now, usegmt=True),
                       "date_updated": format_datetime(now, usegmt=True), "date_sent": None}
            message["uri"] = record["path"].removesuffix(".json") + f"/{message['sid']}.json"
            self.messages.append(message)
            record["sid"] = message["sid"]
        return message

    def _list(self, path: str, query: dict) -> dict:
        """One page (the only one) of the messages matching To and From, newest first."""
        with self._lock:
            self.list_requests.append(query)
            found = [m for m in reversed(self.messages)
                     if m["to"] == query.get("To", m["to"]) and m["from"] == query.get("From", m["from"])]
        size = int(query.get("PageSize", 50))
        found = found[:size]
        return {"messages": found, "next_page_uri": None, "previous_page_uri": None, "first_page_uri": path,
                "uri": path, "page": 0, "page_size": size, "start": 0, "end": max(len(found) - 1, 0)}

    def _next(self, to: str):
        with self._lock:
            steps = self.script.get(to, [201])
            return steps.pop(0) if len(steps) > 1 else steps[0]

    def _handler(self):
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:  # keep test output clean
                pass

            def do_GET(self) -> None:
                auth = base64.b64decode(self.headers.get("Authorization", "Basic ")[6:]).decode()
                url = urlsplit(self.path)
                if url.path == f"/2010-04-01/Accounts/{ACCOUNT_SID}/Messages.json":
                    if auth != f"{ACCOUNT_SID}:{AUTH_TOKEN}":
                        return self._json(401, {"code": 20003, "message": "Authenticate", "status": 401})
                    query = {k: v[0] for k, v in parse_qs(url.query).items()}
                    return self._json(200, fake._list(self.path, query))
                with fake._lock:
                    fake.media_requests.append({"path": self.path, "auth": auth})
                if auth != f"{ACCOUNT_SID}:{AUTH_TOKEN}":
                    return self._json(401, {"code": 20003, "message": "Authenticate", "status": 401})
                if self.path not in fake.media:
                    return self._json(404, {"code": 20404, "message": "Not found", "status": 404})
                data, content_type = fake.media[self.path]
                self.send_response(200)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_POST(self) -> None:
                form = {k: v[0] for k, v in parse_qs(self.rfile.read(int(self.headers["Content-Length"])).decode()).items()}
                auth = base64.b64decode(self.headers.get("Authorization", "Basic ")[6:]).decode()
                behaviour = fake._next(form.get("To", ""))
                record = {"path": self.path, "form": form, "auth": auth, "answer": behaviour}
                with fake._lock:
                    fake.requests.append(record)
                if behaviour == "timeout":
                    time.sleep(fake.hang_s)
                    return
                if behaviour in ("hold", "accept-hold"):
                    if behaviour == "accept-hold":
                        fake._create(record)
                    fake.holding.release()
                    fake._release.wait()
                    return
                if behaviour == 201:
                    self._json(201, fake._create(record))
                else:
                    self._json(ERRORS[behaviour]["status"], ERRORS[behaviour])

            def _json(self, status: int, payload: dict) -> None:
                data = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        return Handler
