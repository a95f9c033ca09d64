"""`make deploy-check`: the production nginx site (deploy/nginx/jmt.conf.template) in front of two app processes.

Renders the very template deploy/install.sh installs, with a self-signed certificate and local ports, starts
two gunicorn (uvicorn worker) processes and one task worker on a throw-away SQLite database, and checks:

* TLS 1.0 and 1.1 refused, TLS 1.2 and 1.3 accepted (``openssl s_client``; the client is opened up to
  ``@SECLEVEL=0`` so a refusal is the server's, and a control nginx that does offer TLS 1.0 proves the probe
  would notice);
* plain HTTP answers 301 to HTTPS; HSTS on proxied answers and on the static files nginx serves itself;
* an upload over the limit is stopped by nginx (413) before it reaches the application;
* the message-centre stream (SSE) arrives through nginx unbuffered;
* two app processes behind nginx serve the same users: a token issued by one is accepted by the other,
  and a refresh token issued by one is rotated by the other (the web tier keeps no session state).

Exit status 0 when every check passes. Ports: DEPLOY_CHECK_PORT_BASE (8113) + 1 … + 5.
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv" / "bin"
TEMPLATE = ROOT / "deploy" / "nginx" / "jmt.conf.template"
PORT_BASE = int(os.environ.get("DEPLOY_CHECK_PORT_BASE", "8113"))
APP_PORTS = (PORT_BASE + 1, PORT_BASE + 2)
HTTP_PORT, HTTPS_PORT, WEAK_PORT = PORT_BASE + 3, PORT_BASE + 4, PORT_BASE + 5
PASSWORD = secrets.token_urlsafe(12)

results: list[tuple[str, bool, str]] = []


def check(name: str, ok: bool, detail: str = "") -> None:
    results.append((name, ok, detail))
    print(f"  {'PASS' if ok else 'FAIL'}  {name}{'  — ' + detail if detail else ''}", flush=True)


def render(template: str, values: dict[str, str]) -> str:
    for key, value in values.items():
        template = template.replace(f"@{key}@", value)
    left = re.findall(r"@[A-Z_]+@", template)
    if left:
        raise SystemExit(f"placeholders left unrendered: {left}")
    return template


def self_signed(work: Path) -> tuple[Path, Path]:
    cert, key = work / "cert.pem", work / "key.pem"
    subprocess.run(
        [
            *("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=localhost"),
            *("-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1", "-keyout", str(key), "-out", str(cert)),
        ],
        check=True,
        capture_output=True,
    )
    return cert, key


def nginx_main(work: Path, name: str, body: str) -> Path:
    conf = work / f"{name}.conf"
    conf.write_text(
        "worker_processes 1;\n"
        f"pid {work}/{name}.pid;\n"
        f"error_log {work}/{name}-error.log warn;\n"
        "events { worker_connections 256; }\n"
        "http {\n"
        "    include /etc/nginx/mime.types;\n"
        "    default_type application/octet-stream;\n"
        "    sendfile on;\n"
        f"    client_body_temp_path {work}/body; proxy_temp_path {work}/proxy;\n"
        f"    fastcgi_temp_path {work}/fcgi; uwsgi_temp_path {work}/uwsgi; scgi_temp_path {work}/scgi;\n"
        f"{body}\n"
        "}\n"
    )
    return conf


def start_nginx(conf: Path, work: Path) -> subprocess.Popen[bytes]:
    test = subprocess.run(["nginx", "-t", "-c", str(conf), "-p", str(work)], capture_output=True, text=True)
    check(f"nginx -t accepts {conf.name}", test.returncode == 0, test.stderr.strip().splitlines()[-1])
    if test.returncode != 0:
        print(test.stderr)
        raise SystemExit(1)
    return subprocess.Popen(
        ["nginx", "-c", str(conf), "-p", str(work), "-g", "daemon off;"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def handshake(port: int, version: str) -> tuple[bool, str]:
    """Whether ``openssl s_client -<version>`` completes a handshake (client willing to go down to TLS 1.0)."""
    args = ["openssl", "s_client", "-connect", f"127.0.0.1:{port}", "-servername", "localhost", f"-{version}"]
    if version in {"tls1", "tls1_1"}:
        args += ["-cipher", "DEFAULT:@SECLEVEL=0"]
    proc = subprocess.run(args, input="Q\n", capture_output=True, text=True, timeout=15)
    out = proc.stdout + proc.stderr
    # "New, TLSv1.3, Cipher is TLS_AES_256_GCM_SHA384" — printed once the handshake completed, for every version
    line = next((line for line in out.splitlines() if line.startswith("New, ")), "")
    ok = proc.returncode == 0 and bool(line) and "(NONE)" not in line
    return ok, line.removeprefix("New, ") if ok else (out.strip().splitlines() or ["no output"])[-1][:90]


def answers(url: str) -> bool:
    return httpx.get(url).status_code < 500


def wait_until(what: str, probe: Callable[[], bool], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if probe():
                return
        except (httpx.HTTPError, OSError):
            pass
        time.sleep(0.3)
    raise SystemExit(f"{what} did not come up in {seconds:.0f} s")


def main() -> int:
    for tool in ("nginx", "openssl"):
        if not shutil.which(tool):
            raise SystemExit(f"{tool} is missing (deploy/ensure-packages.sh installs it)")
    for port in (*APP_PORTS, HTTP_PORT, HTTPS_PORT, WEAK_PORT):
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                raise SystemExit(f"port {port} is in use: set DEPLOY_CHECK_PORT_BASE to a free range")
    work = Path(tempfile.mkdtemp(prefix="jmt-deploy-check-"))
    for sub in ("body", "proxy", "fcgi", "uwsgi", "scgi", "logs", "var", "static"):
        (work / sub).mkdir()
    work.chmod(0o755)  # nginx workers (nobody) read the certificate and the static files
    cert, key = self_signed(work)
    dist = Path(os.environ.get("JMT_WEB_DIST", ROOT / "web" / "dist"))
    (work / "dist" / "assets").mkdir(parents=True)
    asset = work / "dist" / "assets" / "probe-0123abcd.js"
    asset.write_text("console.log('晶贸通');\n")
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT / "src"),
        "DJANGO_SETTINGS_MODULE": "jmt.settings",
        "JMT_VAR_DIR": str(work / "var"),
        "DATABASE_URL": "",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(60),
        "DJANGO_ALLOWED_HOSTS": "localhost,127.0.0.1",
        "DJANGO_BEHIND_PROXY": "true",
        "DJANGO_SECURE_SSL_REDIRECT": "true",
        "DJANGO_SECURE_COOKIES": "true",
        "DJANGO_HSTS_SECONDS": "31536000",
        "JMT_DEMO_PASSWORD": PASSWORD,
        "JMT_WEB_DIST": str(dist if dist.exists() else work / "dist"),
        "JMT_LOG_LEVEL": "WARNING",
    }
    python = str(VENV / "python")
    subprocess.run([python, "manage.py", "migrate", "--noinput", "-v", "0"], cwd=ROOT, env=env, check=True)
    subprocess.run([python, "manage.py", "seed_demo"], cwd=ROOT, env=env, check=True, capture_output=True)
    processes: list[subprocess.Popen[bytes]] = []
    log = (work / "logs" / "app.log").open("wb")
    try:
        processes.append(
            subprocess.Popen(
                [python, "manage.py", "worker", "--interval", "0.5"], cwd=ROOT, env=env, stdout=log, stderr=log
            )
        )
        for port in APP_PORTS:
            processes.append(
                subprocess.Popen(
                    [
                        *(str(VENV / "gunicorn"), "jmt.asgi:application", "-k", "uvicorn.workers.UvicornWorker"),
                        *("-w", "1", "--bind", f"127.0.0.1:{port}", "--keep-alive", "75"),
                        *("--forwarded-allow-ips", "127.0.0.1"),
                    ],
                    cwd=ROOT,
                    env=env,
                    stdout=log,
                    stderr=log,
                )
            )
        site = render(
            TEMPLATE.read_text(),
            {
                "SERVER_NAME": "localhost 127.0.0.1",
                "HTTP_PORT": str(HTTP_PORT),
                "HTTPS_PORT": str(HTTPS_PORT),
                "HTTPS_REDIRECT_PORT": f":{HTTPS_PORT}",
                "TLS_CERT": str(cert),
                "TLS_KEY": str(key),
                "TLS_CHAIN": str(cert),
                "UPSTREAM_SERVERS": "\n".join(f"    server 127.0.0.1:{p};" for p in APP_PORTS),
                "WEB_DIST": str(work / "dist"),
                "STATIC_ROOT": str(work / "static"),
                "LOG_DIR": str(work / "logs"),
                "RESOLVER": "127.0.0.1",
            },
        ).replace("listen [::]:", "# listen [::]:")  # the check binds IPv4 only
        processes.append(start_nginx(nginx_main(work, "site", site), work))
        weak = (
            f"server {{ listen {WEAK_PORT} ssl; ssl_certificate {cert}; ssl_certificate_key {key};\n"
            "  ssl_protocols TLSv1 TLSv1.1 TLSv1.2; ssl_ciphers DEFAULT:@SECLEVEL=0; return 204; }"
        )
        processes.append(start_nginx(nginx_main(work, "weak", weak), work))
        for port in APP_PORTS:
            wait_until(f"app :{port}", partial(answers, f"http://127.0.0.1:{port}/api/v1/health"))
        base = f"https://127.0.0.1:{HTTPS_PORT}"
        client = httpx.Client(verify=str(cert), timeout=20)
        wait_until("nginx", lambda: client.get(f"{base}/api/v1/health").status_code == 200)

        print("TLS protocols (openssl s_client against the production site):")
        for version, wanted in (("tls1", False), ("tls1_1", False), ("tls1_2", True), ("tls1_3", True)):
            ok, detail = handshake(HTTPS_PORT, version)
            check(f"{version.replace('_', '.').upper()} {'accepted' if wanted else 'refused'}", ok == wanted, detail)
        ok, detail = handshake(WEAK_PORT, "tls1")
        check("control: the same probe does reach TLS 1.0 on a server that offers it", ok, detail)

        print("HTTP behaviour through nginx:")
        plain = httpx.get(f"http://127.0.0.1:{HTTP_PORT}/m/?x=1", follow_redirects=False)
        check(
            "HTTP → HTTPS 301",
            plain.status_code == 301 and plain.headers.get("location") == f"https://127.0.0.1:{HTTPS_PORT}/m/?x=1",
            f"{plain.status_code} {plain.headers.get('location')}",
        )
        health = client.get(f"{base}/api/v1/health")
        hsts = health.headers.get_list("strict-transport-security")
        check("health 200 via nginx, one HSTS header", health.status_code == 200 and len(hsts) == 1, str(hsts))
        static = client.get(f"{base}/assets/{asset.name}")
        check(
            "static asset served by nginx: immutable cache + HSTS",
            static.status_code == 200
            and "immutable" in static.headers.get("cache-control", "")
            and "max-age=31536000" in static.headers.get("strict-transport-security", ""),
            static.headers.get("cache-control", ""),
        )
        big = client.post(f"{base}/api/v1/documents", content=b"0" * (11 * 1024 * 1024))
        check("11 MB upload stopped by nginx (client_max_body_size 10m)", big.status_code == 413, str(big.status_code))

        print("Two app processes behind nginx serve the same users:")
        login = client.post(f"{base}/api/v1/auth/password/login", json={"username": "admin", "password": PASSWORD})
        check("back-office login through nginx", login.status_code == 200, str(login.status_code))
        tokens = login.json()
        bearer = {"Authorization": f"Bearer {tokens['access']}"}
        for port in APP_PORTS:
            me = httpx.get(f"http://127.0.0.1:{port}/api/v1/me", headers={**bearer, "X-Forwarded-Proto": "https"})
            check(f"the token is accepted by app process :{port}", me.status_code == 200, str(me.status_code))
        refreshed = httpx.post(
            f"http://127.0.0.1:{APP_PORTS[1]}/api/v1/auth/refresh",
            json={"refresh": tokens["refresh"]},
            headers={"X-Forwarded-Proto": "https"},
        )
        again = httpx.get(
            f"http://127.0.0.1:{APP_PORTS[0]}/api/v1/me",
            headers={"Authorization": f"Bearer {refreshed.json().get('access', '')}", "X-Forwarded-Proto": "https"},
        )
        check(
            "refresh on one process, the new token works on the other",
            refreshed.status_code == 200 and again.status_code == 200,
            f"{refreshed.status_code}/{again.status_code}",
        )
        statuses = [client.get(f"{base}/api/v1/me", headers=bearer).status_code for _ in range(20)]
        check("20 requests through nginx (round-robin over both), all 200", set(statuses) == {200}, str(set(statuses)))

        print("Server-sent events through nginx:")
        ticket = client.post(f"{base}/api/v1/notifications/stream-ticket", headers=bearer).json()
        started = time.monotonic()
        first = ""
        with client.stream("GET", f"{base}{ticket['url']}") as stream:
            for chunk in stream.iter_text():
                first += chunk
                if "event: unread" in first:
                    break
        waited = time.monotonic() - started
        check(
            "first SSE event arrives at once (not buffered)",
            "event: unread" in first and waited < 5,
            f"{waited * 1000:.0f} ms",
        )
    finally:
        for proc in reversed(processes):
            proc.send_signal(
                signal.SIGQUIT if isinstance(proc.args, list) and proc.args[0] == "nginx" else signal.SIGTERM
            )
        for proc in processes:
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
        log.close()
    failed = [name for name, ok, _ in results if not ok]
    print(f"\n{len(results) - len(failed)}/{len(results)} checks passed" + (f"; FAILED: {failed}" if failed else ""))
    if not failed:
        shutil.rmtree(work, ignore_errors=True)
    else:
        print(f"work directory kept: {work}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
