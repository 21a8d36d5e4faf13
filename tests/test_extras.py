"""The client core works without the extras; each optional part names the extra it needs.

A plain ``pip install forter-orders`` has neither ``[mock]`` (Starlette, uvicorn, openapi-core)
nor ``[cli]`` (typer, rich). These tests run Python in a subprocess where those modules cannot
be imported (``sys.modules[name] = None`` is how CPython spells "absent": ``import`` raises
ImportError and ``importlib.util.find_spec`` returns None), and check that the core imports,
validates and sends an order to a loopback server, while the mock, the CLI and the pytest
plugin's fixtures each fail with one line naming the install command.
"""

from __future__ import annotations

import ast
import subprocess
import sys
import textwrap
from pathlib import Path

import forter_orders
from forter_orders._extras import EXTRAS

PACKAGE = Path(forter_orders.__file__).resolve().parent
EXTRA_MODULES = sorted({module for modules in EXTRAS.values() for module in modules})
# Modules the extras bring along that the core must not need either.
ALSO_ABSENT = ["click", "werkzeug", "jsonschema", "openapi_schema_validator", "pygments"]
BLOCK = (
    f"import sys\nfor _name in {[*EXTRA_MODULES, *ALSO_ABSENT]!r}:\n    sys.modules[_name] = None\n"
)


def _run(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", BLOCK + textwrap.dedent(code)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def _core_modules() -> list[str]:
    return sorted(
        f"forter_orders.{path.stem}"
        for path in PACKAGE.glob("*.py")
        if path.stem not in {"__init__", "testing"}  # testing is the pytest plugin
    )


def test_core_modules_do_not_import_the_extras_or_the_optional_parts() -> None:
    # The folders show the split: nothing at the package root imports an extra's module, the
    # CLI subpackage or the mock, even lazily inside a function.
    forbidden = {*EXTRA_MODULES, *ALSO_ABSENT}
    offenders = []
    for path in sorted(PACKAGE.glob("*.py")):
        if path.name == "testing.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                prefix = "." * node.level
                names = [f"{prefix}{node.module or ''}"]
            else:
                continue
            for name in names:
                top = name.lstrip(".").split(".")[0]
                relative_part = name.startswith(".") and top in {"cli", "mock"}
                if (not name.startswith(".") and top in forbidden) or relative_part:
                    offenders.append(f"{path.name}:{node.lineno} imports {name}")
    assert offenders == []


def test_the_core_imports_validates_and_sends_without_the_extras() -> None:
    modules = _core_modules()
    assert "forter_orders._client" in modules
    proc = _run(
        f"""
        import importlib, json, threading
        from http.server import BaseHTTPRequestHandler, HTTPServer

        for name in {modules!r}:
            importlib.import_module(name)

        import forter_orders
        for name in forter_orders.__all__:
            getattr(forter_orders, name)

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                length = int(self.headers["Content-Length"])
                order = json.loads(self.rfile.read(length))
                body = json.dumps({{"orderId": order["orderId"], "forterDecision": "DECLINE"}})
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body.encode())

            def log_message(self, *args):
                pass

        server = HTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        operation = forter_orders.load_spec()["paths"]["/v3/orders/{{orderId}}"]["post"]
        examples = operation["requestBody"]["content"]["application/json"]["examples"]
        order = examples["mobileAppOrder"]["value"]
        with forter_orders.ForterClient(
            site_id="s1", secret_key="k", base_url=f"http://127.0.0.1:{{server.server_port}}"
        ) as forter:
            decision = forter.orders.create(order)
        server.shutdown()
        assert forter_orders.validate_order(order) == []
        leaked = [m for m in {EXTRA_MODULES + ALSO_ABSENT!r} if sys.modules.get(m) is not None]
        print(decision.forter_decision, leaked)
        """
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "DECLINE []"


def test_importing_the_mock_without_its_extra_names_the_install_command() -> None:
    proc = _run(
        """
        from forter_orders._extras import MissingExtraError
        try:
            import forter_orders.mock
        except MissingExtraError as exc:
            print(exc)
        """
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == (
        "forter_orders.mock needs the [mock] extra (starlette is not installed): "
        "pip install 'forter-orders[mock]'"
    )


def test_the_command_without_its_extra_is_one_line_and_exit_2() -> None:
    proc = _run(
        """
        from forter_orders.cli import main
        main(["validate", "order.json"])
        """
    )
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert proc.stderr == (
        "forter-orders: the forter-orders command needs the [cli] extra (typer is not "
        "installed): pip install 'forter-orders[cli]'\n"
    )


def test_cli_commands_that_serve_the_mock_name_the_mock_extra(tmp_path: Path) -> None:
    order = tmp_path / "order.json"
    order.write_text('{"orderId": "o-1"}', encoding="utf-8")
    # Only the mock's modules are absent here: the CLI itself is installed.
    for args in (["mock"], ["demo"], ["send", str(order), "--mock"]):
        proc = subprocess.run(
            [
                sys.executable,
                "-c",
                "import sys\n"
                f"for _name in {list(EXTRAS['mock'])!r}:\n"
                "    sys.modules[_name] = None\n"
                "from forter_orders.cli import main\n"
                f"main({args!r})\n",
            ],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert proc.returncode == 2, (args, proc.stderr)
        command = "forter-orders " + " ".join(a for a in args if a != str(order))
        assert proc.stderr.splitlines() == [
            f"forter-orders: {command} needs the [mock] extra (starlette is not installed): "
            "pip install 'forter-orders[mock]'"
        ], args


def test_the_plugin_fixtures_without_the_mock_extra_fail_with_the_install_command(
    tmp_path: Path,
) -> None:
    (tmp_path / "test_merchant.py").write_text(
        "def test_uses_the_mock(forter_client):\n    pass\n", encoding="utf-8"
    )
    (tmp_path / "conftest.py").write_text(
        f"import sys\nfor _name in {list(EXTRAS['mock'])!r}:\n    sys.modules[_name] = None\n",
        encoding="utf-8",
    )
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:xdist"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 1, proc.stdout
    assert (
        "the forter_mock fixture needs the [mock] extra (starlette is not installed): "
        "pip install 'forter-orders[mock]'" in proc.stdout
    )
    assert "Traceback" not in proc.stdout
