"""The embedded graph server: ArcadeDB (from ``arcadedb-embedded``) with its Bolt plugin.

Design
------
ArcadeDB's Python wrapper runs the engine in a JVM *inside* the calling Python
process (JPype), and a JVM can be started only once per process. So graphkit
never starts the engine in the CLI process itself: it runs it in a small child
process (``python -m graphkit.store.server``) whose working directory is HOME (the
engine writes ``./log`` relative to it). Everything else talks Bolt to it.

Files under HOME (default ``./.graphkit``, or ``GRAPHKIT_HOME``, or an argument):

* ``credentials``  the generated root password (mode 0600), made on first use
* ``lock``         held (``flock`` LOCK_EX) by the server process for its whole life;
                   its content is the holder's pid
* ``clients``      every client (a Store, ``graphkit serve``) holds LOCK_SH on it
* ``server.json``  pid, process start time, host, ports, database: present only
                   while the server is up and serving
* ``db/``          ArcadeDB's root (databases, users, config); ``log/``, ``server.log``

Life cycle
----------
:func:`ensure_server` takes a shared lock on ``clients`` first, then: if
``server.json`` describes a live server (pid alive with the same start time, the
Bolt port accepts a connection and the credentials authenticate) it is reused;
if ``lock`` is held by someone else (a server starting or stopping) it says so on
stderr once and waits; otherwise it spawns the child, which takes ``lock``,
starts ArcadeDB on free 127.0.0.1 ports, creates the database if missing, writes
``server.json`` and then serves. A child started for a command ("idle-exit"
mode) stops by itself as soon as no process holds ``clients`` any more: when
the last Store closes, or when its processes die, even by SIGKILL (the kernel
drops their locks), so no JVM is left behind. ``graphkit serve`` (:func:`serve`)
starts a child that does not idle out and stops it on Ctrl-C / SIGTERM.

Stopping: the child removes ``server.json`` first (so nobody new connects),
calls ``ArcadeDBServer.stop()`` (≈0.1 s; the engine flushes and closes its
databases), releases ``lock`` and exits. The wrapper leaves the JVM running
after ``stop()`` (JPype shuts it down at interpreter exit, which took ≈0.5 s
here); the child ends with ``os._exit`` once the engine is stopped so a stray
non-daemon Java thread can never keep it alive.
"""
from __future__ import annotations

import argparse
import contextlib
import fcntl
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import psutil

BOLT_PLUGIN = "Bolt:com.arcadedb.bolt.BoltProtocolPlugin"
DEFAULT_DATABASE = "graphkit"
ROOT_USER = "root"
HOST = "127.0.0.1"


class ServerError(RuntimeError):
    """The embedded server could not be started or reached."""


# ---------------------------------------------------------------- home and files

def resolve_home(home: str | os.PathLike | None = None) -> Path:
    """HOME: the argument, else $GRAPHKIT_HOME, else ./.graphkit (created, mode 0700)."""
    p = Path(home or os.environ.get("GRAPHKIT_HOME") or ".graphkit").expanduser().resolve()
    p.mkdir(parents=True, exist_ok=True, mode=0o700)
    return p


def root_password(home: Path) -> str:
    """The root password kept in HOME/credentials (0600), generated on first use."""
    path = home / "credentials"
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        for _ in range(50):  # another process may be writing it right now
            pw = path.read_text().strip()
            if pw:
                return pw
            time.sleep(0.05)
        raise ServerError(f"{path} is empty; delete it (and {home / 'db'}) to start afresh") from None
    pw = secrets.token_urlsafe(24)
    with os.fdopen(fd, "w") as f:
        f.write(pw + "\n")
    return pw


def _write_json_atomic(path: Path, data: dict) -> None:
    tmp = path.with_name(path.name + f".{os.getpid()}.tmp")
    tmp.write_text(json.dumps(data, indent=2))
    os.chmod(tmp, 0o600)
    os.replace(tmp, path)


def read_server_json(home: Path) -> dict | None:
    try:
        return json.loads((home / "server.json").read_text())
    except (OSError, ValueError):
        return None


def _pid_alive(pid: int, create_time: float | None) -> bool:
    try:
        p = psutil.Process(pid)
        if p.status() == psutil.STATUS_ZOMBIE:
            return False
        return create_time is None or abs(p.create_time() - create_time) < 1.0
    except (psutil.NoSuchProcess, psutil.AccessDenied):
        return False


def _port_open(host: str, port: int, timeout: float = 1.0) -> bool:
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except OSError:
        return False


def _auth_ok(uri: str, password: str) -> bool:
    from neo4j import GraphDatabase
    try:
        with GraphDatabase.driver(uri, auth=(ROOT_USER, password), connection_timeout=3) as d:
            d.verify_connectivity()
        return True
    except Exception:
        return False


def live_server(home: Path, check_auth: bool = True) -> dict | None:
    """server.json if it describes a server that is up: pid, bolt port, auth."""
    info = read_server_json(home)
    if not info:
        return None
    if not _pid_alive(int(info.get("pid", -1)), info.get("create_time")):
        return None
    if not _port_open(info["host"], int(info["bolt_port"])):
        return None
    if check_auth and not _auth_ok(info["uri"], root_password(home)):
        return None
    return info


def _lock_holder(home: Path) -> int | None:
    try:
        return int((home / "lock").read_text().strip() or 0) or None
    except (OSError, ValueError):
        return None


def _free_ports(n: int) -> list[int]:
    socks, ports = [], []
    try:
        for _ in range(n):
            s = socket.socket()
            s.bind((HOST, 0))
            socks.append(s)
            ports.append(s.getsockname()[1])
    finally:
        for s in socks:
            s.close()
    return ports


# ---------------------------------------------------------------- the server process

class _Stop(BaseException):
    pass


def _raise_stop(signum, _frame):
    raise _Stop(signum)


def run_server(home: Path, database: str = DEFAULT_DATABASE, idle_exit: bool = True,
               lock_timeout: float = 0.0, heap: str = "2g") -> int:
    """Body of the server process (the child). Returns an exit status.

    Exit status 3: HOME/lock is held by another process (after lock_timeout).
    """
    for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(sig, _raise_stop)
    lock_fd = os.open(home / "lock", os.O_RDWR | os.O_CREAT, 0o600)
    deadline = time.monotonic() + lock_timeout
    while True:
        try:
            fcntl.flock(lock_fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            break
        except BlockingIOError:
            if time.monotonic() >= deadline:
                print(f"graphkit server: {home / 'lock'} is held by pid {_lock_holder(home)}", file=sys.stderr)
                return 3
            time.sleep(0.1)
    os.ftruncate(lock_fd, 0)
    os.pwrite(lock_fd, str(os.getpid()).encode(), 0)

    clients_fd = os.open(home / "clients", os.O_RDWR | os.O_CREAT, 0o600)
    password = root_password(home)
    os.environ.setdefault("ARCADEDB_JVM_ERROR_FILE", str(home / "log" / "hs_err_pid%p.log"))
    server = None
    try:
        from arcadedb_embedded.server import ArcadeDBServer

        t0 = time.monotonic()
        http_port, bolt_port = _free_ports(2)
        server = ArcadeDBServer(
            root_path=str(home / "db"), root_password=password,
            config={"host": HOST, "http_port": http_port, "bolt_port": bolt_port,
                    "server_plugins": BOLT_PLUGIN},
            jvm_kwargs={"heap_size": heap})
        server.start()
        server.create_database(database)  # getDatabase(name, createIfNotExists=True): opens if present
        started_in = time.monotonic() - t0
        me = psutil.Process()
        _write_json_atomic(home / "server.json", {
            "pid": os.getpid(), "create_time": me.create_time(), "host": HOST,
            "bolt_port": bolt_port, "http_port": http_port, "database": database,
            "uri": f"bolt://{HOST}:{bolt_port}", "user": ROOT_USER, "idle_exit": idle_exit,
            "started_in": round(started_in, 3), "started_at": time.time(),
        })
        print(f"graphkit server: up in {started_in:.1f}s on bolt://{HOST}:{bolt_port}", flush=True)
        while True:
            time.sleep(0.2)
            if idle_exit:
                try:  # nobody holds a shared lock on `clients`: nobody needs us
                    fcntl.flock(clients_fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except BlockingIOError:
                    continue
                # keep LOCK_EX until we are down: a client arriving now waits, then starts anew
                break
    except _Stop:
        pass
    finally:
        with contextlib.suppress(FileNotFoundError):
            info = read_server_json(home)
            if info and info.get("pid") == os.getpid():
                (home / "server.json").unlink()
        if server is not None:
            try:
                server.stop()
            except Exception as e:  # the process ends anyway: report, don't hide
                print(f"graphkit server: stop failed: {e}", file=sys.stderr)
        print("graphkit server: stopped", flush=True)
        os.close(clients_fd)
        os.close(lock_fd)
    return 0


def _main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m graphkit.store.server")
    ap.add_argument("--home", required=True)
    ap.add_argument("--database", default=DEFAULT_DATABASE)
    ap.add_argument("--persistent", action="store_true", help="do not stop when no client is left")
    ap.add_argument("--lock-timeout", type=float, default=5.0)
    ap.add_argument("--heap", default=os.environ.get("GRAPHKIT_HEAP", "2g"))
    a = ap.parse_args(argv)
    status = 1
    try:
        status = run_server(resolve_home(a.home), a.database, idle_exit=not a.persistent,
                            lock_timeout=a.lock_timeout, heap=a.heap)
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        # The engine is stopped and server.json removed; skip JPype's JVM teardown.
        os._exit(status)


# ---------------------------------------------------------------- the client side

@dataclass
class ServerHandle:
    """A connection-level claim on the embedded server of one HOME."""
    home: Path
    uri: str
    user: str
    password: str
    database: str
    pid: int
    bolt_port: int
    started: bool                      # True if this handle spawned the server
    process: subprocess.Popen | None = None
    _clients_fd: int | None = field(default=None, repr=False)

    def close(self, wait: float = 30.0) -> None:
        """Release the claim. If this handle started the server and no one else
        holds it, wait (up to ``wait`` s) until its process has exited."""
        if self._clients_fd is None:
            return
        os.close(self._clients_fd)
        self._clients_fd = None
        if not self.started or self.process is None:
            return
        # The server notices within 0.2 s when it is no longer needed and removes
        # server.json first; if it is still listed after that, someone else uses it.
        t_end = time.monotonic() + 1.0
        while time.monotonic() < t_end:
            if self.process.poll() is not None:
                return
            info = read_server_json(self.home)
            if not info or info.get("pid") != self.pid:
                break
            time.sleep(0.05)
        else:
            return  # shared with another client: leave it running, it stops after them
        try:
            self.process.wait(timeout=wait)
        except subprocess.TimeoutExpired:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def stop(self, wait: float = 30.0) -> None:
        """Stop the server now (only if this handle started it), then release."""
        if self.started and self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=wait)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.close(wait=wait)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def _handle(home: Path, info: dict, password: str, fd: int, proc=None) -> ServerHandle:
    return ServerHandle(home=home, uri=info["uri"], user=info.get("user", ROOT_USER), password=password,
                        database=info["database"], pid=int(info["pid"]), bolt_port=int(info["bolt_port"]),
                        started=proc is not None, process=proc, _clients_fd=fd)


def ensure_server(home: str | os.PathLike | None = None, database: str = DEFAULT_DATABASE,
                  timeout: float = 120.0, persistent: bool = False, stderr=None) -> ServerHandle:
    """Reach the embedded server of HOME, starting it if needed. See the module doc.

    timeout bounds the whole wait (for another graphkit process holding HOME, then
    for start-up). Raises ServerError on timeout or if the server fails to start.
    """
    home = resolve_home(home)
    stderr = stderr or sys.stderr
    password = root_password(home)
    deadline = time.monotonic() + timeout
    fd = os.open(home / "clients", os.O_RDWR | os.O_CREAT, 0o600)
    try:
        while True:  # blocks only while a server is shutting down (it holds LOCK_EX)
            try:
                fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise ServerError(f"timed out waiting for the graphkit server in {home} to stop") from None
                time.sleep(0.05)
        told = False
        while True:
            info = live_server(home)
            if info:
                if info["database"] != database:
                    raise ServerError(f"the server of {home} (pid {info['pid']}) serves database "
                                      f"{info['database']!r}, not {database!r}")
                return _handle(home, info, password, fd)
            holder = _probe_lock(home)
            if holder is None:
                proc = _spawn(home, database, persistent, max(1.0, deadline - time.monotonic()))
                info = _wait_ready(home, proc, deadline)
                if info:
                    return _handle(home, info, password, fd, proc)
                continue  # lost a race for the lock: look again
            if not told:
                print(f"graphkit: waiting for another graphkit process (pid {holder}) using {home} ...",
                      file=stderr, flush=True)
                told = True
            if time.monotonic() > deadline:
                raise ServerError(f"timed out after {timeout:.0f}s waiting for pid {holder} using {home}")
            time.sleep(0.2)
    except BaseException:
        os.close(fd)
        raise


def _probe_lock(home: Path) -> int | None:
    """None if HOME/lock is free right now, else the pid written by its holder (or -1)."""
    fd = os.open(home / "lock", os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        fcntl.flock(fd, fcntl.LOCK_UN)
        return None
    except BlockingIOError:
        return _lock_holder(home) or -1
    finally:
        os.close(fd)


def _spawn(home: Path, database: str, persistent: bool, lock_timeout: float) -> subprocess.Popen:
    log = open(home / "server.log", "ab")
    cmd = [sys.executable, "-m", "graphkit.store.server", "--home", str(home), "--database", database,
           "--lock-timeout", f"{min(lock_timeout, 10.0):.1f}"]
    if persistent:
        cmd.append("--persistent")
    env = dict(os.environ)
    pkg_root = str(Path(__file__).resolve().parents[2])  # so -m finds graphkit when not installed
    env["PYTHONPATH"] = pkg_root + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    try:
        # own session: a Ctrl-C meant for the client does not kill a server others share;
        # the server still ends when its last client is gone (see run_server).
        return subprocess.Popen(cmd, cwd=home, env=env, stdin=subprocess.DEVNULL, stdout=log,
                                stderr=subprocess.STDOUT, start_new_session=True)
    finally:
        log.close()


def _wait_ready(home: Path, proc: subprocess.Popen, deadline: float) -> dict | None:
    while time.monotonic() < deadline:
        status = proc.poll()
        if status == 3:
            return None
        if status is not None:
            raise ServerError(f"the graphkit server exited with status {status} during start-up; "
                              f"see {home / 'server.log'}")
        info = read_server_json(home)
        if info and info.get("pid") == proc.pid and _port_open(info["host"], int(info["bolt_port"])):
            return info
        time.sleep(0.1)
    proc.terminate()
    with contextlib.suppress(subprocess.TimeoutExpired):
        proc.wait(timeout=10)
    raise ServerError(f"the graphkit server did not start in time; see {home / 'server.log'}")


def serve(home: str | os.PathLike | None = None, database: str = DEFAULT_DATABASE,
          timeout: float = 120.0, out=None) -> int:
    """Run the embedded server in the foreground until Ctrl-C (``graphkit serve``).

    If a server for HOME is already up, hold on to it (it stays up while this
    runs) instead of starting a second one. Returns an exit status.
    """
    out = out or sys.stderr
    h = ensure_server(home, database=database, timeout=timeout, persistent=True, stderr=out)
    what = "started" if h.started else f"already running (pid {h.pid})"
    print(f"graphkit: ArcadeDB {what}: {h.uri}  database={h.database}  user={h.user}  "
          f"password in {h.home / 'credentials'}\nPress Ctrl-C to stop.", file=out, flush=True)
    previous = signal.signal(signal.SIGTERM, _raise_stop)
    try:
        while h.process is None or h.process.poll() is None:
            if h.process is None and not _pid_alive(h.pid, None):
                print("graphkit: the server went away", file=out)
                return 1
            time.sleep(0.5)
        print(f"graphkit: the server exited with status {h.process.returncode}", file=out)
        return 1
    except (KeyboardInterrupt, _Stop):
        print("graphkit: stopping ...", file=out, flush=True)
        return 0
    finally:
        signal.signal(signal.SIGTERM, previous)
        h.stop()


if __name__ == "__main__":
    _main()
