"""`triage bench photos`: the server's memory while patients upload large photos, measured on a real server.

Starts `triage serve` as its own process (so its memory is its own), opens cases in its database, and uploads
distinct PNGs through the photo links, a few at a time, as the hostile test in issue 15 did (24 PNGs, 6 at a
time). A 503 is waited out as its Retry-After says, as a browser's user would. The server's resident memory
(VmRSS in /proc) is sampled throughout; VmHWM is its peak since start, model loading included.
"""

from __future__ import annotations

import asyncio
import io
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from voice.harness import progress

REPO = Path(__file__).resolve().parents[2]
SAMPLE_S = 0.02
SETTLE_S = 5.0  # after the last upload, before "after" is read
START_TIMEOUT_S = 180.0
UPLOAD_TIMEOUT_S = 120.0
MAX_BUSY_RETRIES = 50


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _status_kb(pid: int, field: str) -> int:
    """A /proc/<pid>/status field in kB (VmRSS, VmHWM); 0 once the process is gone."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


class RssSampler:
    """Samples a process's VmRSS on a thread; `peak_kb` is the largest sample since start()."""

    def __init__(self, pid: int) -> None:
        self.pid, self.peak_kb = pid, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak_kb = max(self.peak_kb, _status_kb(self.pid, "VmRSS"))
            self._stop.wait(SAMPLE_S)


def make_pngs(count: int, size: tuple[int, int], mode: str = "RGBA") -> list[bytes]:
    """`count` distinct single-colour PNGs: tiny files (kilobytes) that decode to width x height pixels."""
    from PIL import Image

    out = []
    for i in range(count):
        image = Image.new(mode, size, (40 + i * 7 % 200, 90, 160, 255)[: len(mode)])
        buffer = io.BytesIO()
        image.save(buffer, "PNG")
        out.append(buffer.getvalue())
        del image
    return out


def _multipart(data: bytes) -> tuple[bytes, str]:
    boundary = "triagebench" + os.urandom(8).hex()
    body = (f'--{boundary}\r\nContent-Disposition: form-data; name="photo"; filename="photo.png"\r\n'
            f"Content-Type: image/png\r\n\r\n").encode() + data + f"\r\n--{boundary}--\r\n".encode()
    return body, f"multipart/form-data; boundary={boundary}"


def _post(url: str, data: bytes) -> tuple[int, int]:
    """(status, Retry-After seconds or 0) of one upload."""
    body, content_type = _multipart(data)
    request = urllib.request.Request(url, data=body, method="POST", headers={"Content-Type": content_type})
    try:
        with urllib.request.urlopen(request, timeout=UPLOAD_TIMEOUT_S) as response:
            return response.status, 0
    except urllib.error.HTTPError as exc:
        return exc.code, int(exc.headers.get("Retry-After") or 0)


async def _upload_all(urls: list[str], pngs: list[bytes], concurrency: int) -> dict:
    statuses: dict[str, int] = {}
    busy = 0
    gate = asyncio.Semaphore(concurrency)
    loop = asyncio.get_running_loop()
    clients = ThreadPoolExecutor(max_workers=concurrency)  # the default pool has min(32, cores + 4) threads

    async def one(url: str, data: bytes) -> None:
        nonlocal busy
        async with gate:
            for _ in range(MAX_BUSY_RETRIES):
                status, retry_after = await loop.run_in_executor(clients, _post, url, data)
                if status != 503:
                    break
                busy += 1
                await asyncio.sleep(retry_after or 1)
            statuses[str(status)] = statuses.get(str(status), 0) + 1

    try:
        await asyncio.gather(*(one(url, data) for url, data in zip(urls, pngs)))
    finally:
        clients.shutdown()
    return {"statuses": statuses, "refused_busy_then_retried": busy}


def _wait_healthy(base: str, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"server exited with {server.returncode} before it was healthy")
        try:
            with urllib.request.urlopen(base + "/healthz", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError("server did not become healthy")


async def _open_cases(data_dir: Path, count: int, base: str) -> list[str]:
    """Cases opened in the server's own database; their photo links, signed with the server's secret."""
    from sms.links import photo_url
    from voice.services import open_store
    from voice.settings import Settings

    settings = Settings(_env_file=None, data_dir=data_dir, database_url="")
    store = await open_store(settings)
    try:
        refs = [await store.open_call(call_sid=f"CAbench{i:04d}", caller="+2348030000000", region="NG")
                for i in range(count)]
    finally:
        await store.close()
    secret = settings.secrets().server_secret
    return [photo_url(base, secret, ref.case_id, now=time.time()) for ref in refs]


def run_photo_bench(*, photos: int, concurrency: int, size: tuple[int, int], mode: str = "RGBA",
                    per_case: int = 6) -> dict:
    """Start a server, upload `photos` PNGs of `size`, `concurrency` at a time; the server's memory figures."""
    pngs = make_pngs(photos, size, mode)
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="triage-photobench-") as tmp:
        data_dir = Path(tmp)
        port = _free_port()
        base = f"http://127.0.0.1:{port}"
        env = {**os.environ, "DATA_DIR": str(data_dir), "DATABASE_URL": "", "ENVIRONMENT": "development",
               "PUBLIC_BASE_URL": "", "TWILIO_AUTH_TOKEN": "", "TWILIO_ACCOUNT_SID": "",
               "PHOTOS_PER_CASE_MAX": str(per_case),
               # The bench measures decoding, not the rate limits: every upload comes from 127.0.0.1, and a 503
               # waited out is tried again through the same link.
               "UPLOAD_RATE_PER_CLIENT": "10000/minute", "UPLOAD_RATE_PER_LINK": "10000/minute"}
        log = open(data_dir / "server.log", "wb")
        server = subprocess.Popen([sys.executable, "-m", "voice.cli", "serve", "--host", "127.0.0.1",
                                   "--port", str(port)], cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT)
        progress("starting the server...")
        try:
            _wait_healthy(base, server)
            cases = -(-photos // per_case)
            progress(f"opening {cases} case(s)...")
            links = asyncio.run(_open_cases(data_dir, cases, base))
            urls = [links[i // per_case] for i in range(photos)]
            time.sleep(1.0)
            before_kb = _status_kb(server.pid, "VmRSS")
            sampler = RssSampler(server.pid)
            sampler.start()
            progress(f"uploading {photos} photos, {concurrency} at a time...")
            started = time.monotonic()
            outcome = asyncio.run(_upload_all(urls, pngs, concurrency))
            seconds = time.monotonic() - started
            progress("collecting the server's memory figures...")
            time.sleep(SETTLE_S)
            sampler.stop()
            after_kb = _status_kb(server.pid, "VmRSS")
            # The kernel folds each thread's RSS count into VmHWM only now and then (split RSS counting), so a sampled
            # VmRSS can pass it by a few hundred kB: the true high-water mark is at least every RSS seen.
            hwm_kb = max(_status_kb(server.pid, "VmHWM"), sampler.peak_kb)
        finally:
            server.send_signal(signal.SIGTERM)
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
            log.close()
    mb = lambda kb: round(kb / 1024)  # noqa: E731
    return {
        "photos": photos, "concurrency": concurrency, "size": f"{size[0]}x{size[1]}", "mode": mode,
        "png_kb_total": round(sum(map(len, pngs)) / 1024), **outcome, "upload_seconds": round(seconds, 1),
        "rss_before_mb": mb(before_kb), "rss_peak_mb": mb(max(sampler.peak_kb, before_kb)),
        "rss_after_mb": mb(after_kb), "vm_hwm_mb": mb(hwm_kb), "load_avg_1m": round(load_before, 2),
    }


def cmd_photos(args) -> int:
    """`triage bench photos`: print the figures; exit 1 if an upload ended other than stored or refused."""
    width, height = (int(x) for x in args.size.lower().split("x"))
    out = run_photo_bench(photos=args.photos, concurrency=args.concurrency, size=(width, height), mode=args.mode)
    print(json.dumps(out) if args.json else json.dumps(out, indent=2))
    return 0 if set(out["statuses"]) <= {"200", "413"} else 1


def register(bench_sub) -> None:
    """Add `photos` under `triage bench`."""
    photos = bench_sub.add_parser("photos", help="server memory while large-dimension PNGs are uploaded")
    photos.add_argument("--photos", type=int, default=24)
    photos.add_argument("--concurrency", type=int, default=6)
    photos.add_argument("--size", default="6000x4000",
                        help="WIDTHxHEIGHT of each PNG (default: the largest accepted; 6300x6300 is refused)")
    photos.add_argument("--mode", choices=("RGB", "RGBA"), default="RGBA")
    photos.add_argument("--json", action="store_true")
    photos.set_defaults(func=cmd_photos)
