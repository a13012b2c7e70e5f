"""The embedded graph server: ArcadeDB (from ``arcadedb-embedded``) with its Bolt plugin.

Design
------
ArcadeDB's Python wrapper runs the engine in a JVM *inside* the calling Python
process (JPype), and a JVM can be started only once per process. So graphkit
never starts the engine in the CLI process itself: it runs it in a small child
process (``python -m graphkit.store.server``) whose working directory is HOME (the
engine writes ``./log`` relative to it). Everything else talks Bolt to it.

Files under HOME (default ``./.graphkit``, or ``GRAPHKIT_HOME``, or an argument):

* ``credentials``  the generated root password (mode 0600), made on first use; graphkit's
                   other store users' passwords derive from it (graphkit.store.access)
* ``lock``         held (``flock`` LOCK_EX) by the server process for its whole life;
                   its content is the holder's pid
* ``clients``      every client (a Store, ``graphkit serve``) holds LOCK_SH on it
* ``server.json``  pid, process start time, host, ports, database, settings (time limit,
                   readable folder; graphkit.store.settings): present only while the
                   server is up and serving
* ``db/``          ArcadeDB's root (databases, users, config); ``log/``, ``server.log``

All of it private: 0700 folders, 0600 files (graphkit.store.home), and the
server runs with umask 077.

Life cycle
----------
:func:`ensure_server` takes a shared lock on ``clients`` first, then: if
``server.json`` describes a live server (pid alive with the same start time, the
Bolt port accepts a connection and the credentials authenticate) it is reused;
if ``lock`` is held by someone else (a server starting or stopping) it says so on
stderr once and waits; otherwise it spawns the child, which takes ``lock``,
starts ArcadeDB on free 127.0.0.1 ports, creates the database if missing, writes
``server.json`` and then serves. A child started for a command ("idle-exit"
Every server stops by itself as soon as no process holds ``clients`` any more:
when the last Store closes, or when its processes die, even by SIGKILL (the
kernel drops their locks), so no JVM outlives the graphkit processes using it.
``graphkit serve`` (:func:`serve`) is one more such client: it holds its claim
until Ctrl-C / SIGTERM / SIGHUP, and if it is killed -9 the server stops as soon
as the other commands using it (if any) are done.

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
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import psutil

from . import access
from .errors import FilesNotAllowed, ServerError
from .home import make_private, open_private, resolve_home, root_password
from .settings import ServerSettings, check_files_folder, default_timeout

BOLT_PLUGIN = "Bolt:com.arcadedb.bolt.BoltProtocolPlugin"
DEFAULT_DATABASE = "graphkit"
ROOT_USER = access.ROOT
HOST = "127.0.0.1"


# ---------------------------------------------------------------- home and files

def _write_json_atomic(path: Path, data: dict) -> None:
    tmp = path.with_name(path.name + f".{os.getpid()}.tmp")
    with os.fdopen(open_private(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC), "w") as f:
        f.write(json.dumps(data, indent=2))
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


def run_server(home: Path, database: str = DEFAULT_DATABASE, lock_timeout: float = 0.0,
               heap: str = "2g", settings: ServerSettings | None = None) -> int:
    """Body of the server process (the child). Returns an exit status.

    Exit status 3: HOME/lock is held by another process (after lock_timeout).
    """
    settings = settings or ServerSettings(timeout=default_timeout())
    os.umask(0o077)                    # everything the engine writes is private
    for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(sig, _raise_stop)
    lock_fd = _take_lock(home, lock_timeout)
    if lock_fd is None:
        return 3
    if settings.files is not None:
        try:   # the client checked it too; the folder may have changed since
            settings = ServerSettings(settings.timeout, check_files_folder(settings.files, home))
        except FilesNotAllowed as e:
            print(f"graphkit server: {e}", file=sys.stderr)
            return 4
    clients_fd = open_private(home / "clients")
    password = root_password(home)
    make_private(home)                 # a home that existed before (0755, an older store)
    access.write_security_files(home / "db", password, database)
    os.environ.setdefault("ARCADEDB_JVM_ERROR_FILE", str(home / "log" / "hs_err_pid%p.log"))
    server = None
    try:
        server = _start_engine(home, database, heap, settings, password)
        _serve_while_used(clients_fd)
    except _Stop:
        pass
    finally:
        _shut_down(home, server)
        os.close(clients_fd)
        os.close(lock_fd)
    return 0


def _take_lock(home: Path, lock_timeout: float) -> int | None:
    """HOME/lock, held for the server's life with this process's pid in it; None if another
    process holds it past the timeout."""
    lock_fd = open_private(home / "lock")
    deadline = time.monotonic() + lock_timeout
    while True:
        try:
            fcntl.flock(lock_fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            break
        except BlockingIOError:
            if time.monotonic() >= deadline:
                print(f"graphkit server: {home / 'lock'} is held by pid {_lock_holder(home)}", file=sys.stderr)
                os.close(lock_fd)
                return None
            time.sleep(0.1)
    os.ftruncate(lock_fd, 0)
    os.pwrite(lock_fd, str(os.getpid()).encode(), 0)
    return lock_fd


def _start_engine(home: Path, database: str, heap: str, settings: ServerSettings, password: str):
    """The ArcadeDB server with Bolt on free ports, and HOME/server.json telling clients where."""
    from arcadedb_embedded.server import ArcadeDBServer

    t0 = time.monotonic()
    http_port, bolt_port = _free_ports(2)
    server = ArcadeDBServer(
        root_path=str(home / "db"), root_password=password,
        config={"host": HOST, "http_port": http_port, "bolt_port": bolt_port,
                "server_plugins": BOLT_PLUGIN},
        jvm_kwargs={"heap_size": heap, "jvm_args": settings.jvm_args()})
    server.start()
    server.create_database(database)  # getDatabase(name, createIfNotExists=True): opens if present
    started_in = time.monotonic() - t0
    me = psutil.Process()
    _write_json_atomic(home / "server.json", {
        "pid": os.getpid(), "create_time": me.create_time(), "host": HOST,
        "bolt_port": bolt_port, "http_port": http_port, "database": database,
        "uri": f"bolt://{HOST}:{bolt_port}", "user": ROOT_USER,
        "started_in": round(started_in, 3), "started_at": time.time(),
        "users_sha256": access.users_digest(home / "db"), **settings.record(),
    })
    print(f"graphkit server: up in {started_in:.1f}s on bolt://{HOST}:{bolt_port}", flush=True)
    return server


def _serve_while_used(clients_fd: int) -> None:
    """Return once nobody holds a shared lock on HOME/clients: nobody needs the server. The
    exclusive lock is kept until the server is down: a client arriving now waits, then starts
    a new one."""
    while True:
        time.sleep(0.2)
        try:
            fcntl.flock(clients_fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            continue
        return


def _shut_down(home: Path, server) -> None:
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


def _main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m graphkit.store.server")
    ap.add_argument("--home", required=True)
    ap.add_argument("--database", default=DEFAULT_DATABASE)
    ap.add_argument("--lock-timeout", type=float, default=5.0)
    ap.add_argument("--heap", default=os.environ.get("GRAPHKIT_HEAP", "2g"))
    ap.add_argument("--timeout", type=float, default=default_timeout(),
                    help="longest a statement may run, seconds (0: no limit)")
    ap.add_argument("--allow-files", default=None, help="the only folder LOAD CSV may read")
    a = ap.parse_args(argv)
    status = 1
    try:
        settings = ServerSettings(timeout=a.timeout, files=Path(a.allow_files) if a.allow_files else None)
        status = run_server(resolve_home(a.home), a.database, lock_timeout=a.lock_timeout, heap=a.heap,
                            settings=settings)
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
    settings: ServerSettings = field(default_factory=ServerSettings)
    create_time: float | None = None
    users_sha256: str | None = None    # the users file as the server wrote it at start
    _clients_fd: int | None = field(default=None, repr=False)

    def password_of(self, user: str) -> str:
        """The password of one of graphkit's store users (graphkit.store.access)."""
        return access.password_for(user, self.password)

    def alive(self) -> bool:
        return _pid_alive(self.pid, self.create_time)

    def gone(self, wait: float = 0.0) -> bool:
        """True if the server's process is gone, or is within ``wait`` seconds. A server
        killed with SIGKILL resets its clients' connections a moment before the kernel
        shows its process as exited: a client that has just lost its connection waits
        a little before it says whether the server is still there."""
        deadline = time.monotonic() + wait
        while self.alive():
            if time.monotonic() >= deadline:
                return False
            time.sleep(0.02)
        return True

    def users_changed(self) -> bool:
        """True if the server's users file differs from what it was at start-up (a
        query with updateSecurity ran CREATE/ALTER/DROP USER)."""
        return self.users_sha256 is not None and access.users_digest(self.home / "db") != self.users_sha256

    def kill_server(self, wait: float = 30.0) -> None:
        """Stop the server whoever started it (SIGTERM; it stops cleanly)."""
        if self.alive():
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGTERM)
            with contextlib.suppress(psutil.Error):
                psutil.Process(self.pid).wait(timeout=wait)

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
                        started=proc is not None, process=proc, settings=ServerSettings.of(info),
                        create_time=info.get("create_time"), users_sha256=info.get("users_sha256"),
                        _clients_fd=fd)


def _suits(home: Path, info: dict, database: str, settings: ServerSettings | None) -> None:
    """Raise (one line) if the running server cannot serve this command."""
    if info["database"] != database:
        raise ServerError(f"the server of {home} (pid {info['pid']}) serves database "
                          f"{info['database']!r}, not {database!r}")
    if settings is None or settings.files is None:
        return
    running = ServerSettings.of(info).files
    if running != settings.files:
        how = f"with --allow-files {running}" if running else "without --allow-files"
        raise FilesNotAllowed(
            f"the graphkit server of {home} (pid {info['pid']}) was started {how}; the folder LOAD CSV may "
            f"read is fixed when a server starts: wait until the commands using it end (or stop "
            f"`graphkit serve`), or run `graphkit serve --allow-files {settings.files}` first")


def ensure_server(home: str | os.PathLike | None = None, database: str = DEFAULT_DATABASE,
                  timeout: float = 120.0, settings: ServerSettings | None = None,
                  stderr=None) -> ServerHandle:
    """Reach the embedded server of HOME, starting it if needed. See the module doc.

    settings: what a server started here gets (default: the default time limit, no
    file access); a running server is used whatever its time limit, but a request
    for a readable folder (settings.files) needs a server started with that folder.
    timeout bounds the whole wait (for another graphkit process holding HOME, then
    for start-up). Raises ServerError on timeout or if the server fails to start.
    """
    home = resolve_home(home)
    stderr = stderr or sys.stderr
    password = root_password(home)
    deadline = time.monotonic() + timeout
    fd = open_private(home / "clients")
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
                _suits(home, info, database, settings)
                return _handle(home, info, password, fd)
            holder = _probe_lock(home)
            if holder is None:
                proc = _spawn(home, database, settings or ServerSettings(timeout=default_timeout()),
                              max(1.0, deadline - time.monotonic()))
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
    fd = open_private(home / "lock")
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        fcntl.flock(fd, fcntl.LOCK_UN)
        return None
    except BlockingIOError:
        return _lock_holder(home) or -1
    finally:
        os.close(fd)


def _spawn(home: Path, database: str, settings: ServerSettings, lock_timeout: float) -> subprocess.Popen:
    log = os.fdopen(open_private(home / "server.log", os.O_WRONLY | os.O_CREAT | os.O_APPEND), "ab")
    cmd = [sys.executable, "-m", "graphkit.store.server", "--home", str(home), "--database", database,
           "--lock-timeout", f"{min(lock_timeout, 10.0):.1f}", *settings.argv()]
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


def _last_line(path: Path) -> str:
    try:
        with open(path, "rb") as f:
            f.seek(max(0, os.fstat(f.fileno()).st_size - 2000))
            lines = [ln.strip() for ln in f.read().decode("utf-8", "replace").splitlines() if ln.strip()]
    except OSError:
        return ""
    last = lines[-1] if lines else ""
    return last.removeprefix("graphkit server: ") if last.startswith("graphkit server: ") else ""


def _wait_ready(home: Path, proc: subprocess.Popen, deadline: float) -> dict | None:
    while time.monotonic() < deadline:
        status = proc.poll()
        if status == 3:
            return None
        if status is not None:
            why = _last_line(home / "server.log")
            raise ServerError(f"the graphkit server exited with status {status} during start-up"
                              f"{': ' + why if why else ''}; see {home / 'server.log'}")
        info = read_server_json(home)
        if info and info.get("pid") == proc.pid and _port_open(info["host"], int(info["bolt_port"])):
            return info
        time.sleep(0.1)
    proc.terminate()
    with contextlib.suppress(subprocess.TimeoutExpired):
        proc.wait(timeout=10)
    raise ServerError(f"the graphkit server did not start in time; see {home / 'server.log'}")


def serve(home: str | os.PathLike | None = None, database: str = DEFAULT_DATABASE,
          timeout: float = 120.0, out=None, settings: ServerSettings | None = None) -> int:
    """Run the embedded server in the foreground until Ctrl-C, SIGTERM or SIGHUP
    (``graphkit serve``). Returns an exit status.

    If a server for HOME is already up (started by a running command), hold on to
    it instead of starting a second one: it stays up while this runs. On the way
    out, a server this started is stopped at once; one it joined stops when the
    commands using it end. Killed -9, this leaves nothing behind either: its claim
    goes with it, and the server stops when no other command uses it.
    """
    out = out or sys.stderr
    previous = {sig: signal.signal(sig, _raise_stop) for sig in (signal.SIGTERM, signal.SIGHUP)}
    h = None
    try:
        h = ensure_server(home, database=database, timeout=timeout, settings=settings, stderr=out)
        what = "started" if h.started else f"already running (pid {h.pid})"
        limit = f"{h.settings.timeout:g}s" if h.settings.timeout else "none"
        files = f"LOAD CSV may read {h.settings.files}" if h.settings.files else "no file access"
        print(f"graphkit: ArcadeDB {what}: {h.uri}  database={h.database}  user={h.user}  "
              f"password in {h.home / 'credentials'}  query time limit={limit}  {files}",
              file=out, flush=True)
        if not h.started and settings is not None and settings.timeout != h.settings.timeout:
            print(f"graphkit: note: the running server's time limit is {limit}; --timeout applies to a "
                  "server this command starts", file=out, flush=True)
        print("Press Ctrl-C to stop.", file=out, flush=True)
        while h.process is None or h.process.poll() is None:
            if h.process is None and not h.alive():
                print("graphkit: the server went away", file=out, flush=True)
                return 1
            time.sleep(0.5)
        print(f"graphkit: the server exited with status {h.process.returncode}; see "
              f"{h.home / 'server.log'}", file=out, flush=True)
        return 1
    except (KeyboardInterrupt, _Stop):
        print("graphkit: stopping ...", file=out, flush=True)
        return 0
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        if h is not None:
            h.stop()


if __name__ == "__main__":
    _main()
