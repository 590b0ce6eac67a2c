"""A minimal Language Server Protocol client for yaml-language-server, the engine of VS Code's
YAML extension: it opens files the way the editor does and returns the diagnostics, hover
texts and completions a coordinator would see.

The server comes from npm (``tests/editor/package.json``, installed by ``make editor``).
"""

from __future__ import annotations

import json
import os
import queue
import shutil
import subprocess
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

ROOT = Path(__file__).resolve().parents[1]
SERVER = ROOT / "tests/editor/node_modules/yaml-language-server/bin/yaml-language-server"
TIMEOUT = 30.0


def available() -> str | None:
    """Why the server cannot run here, or None when it can."""
    if shutil.which("node") is None:
        return (
            "node is not installed: install Node.js and npm (.ci/run does it), then 'make editor'"
        )
    if not SERVER.is_file():
        return "yaml-language-server is not installed; run 'make editor'"
    return None


@dataclass(frozen=True)
class Diagnostic:
    line: int  # 1-based, as trygg and editors show it
    column: int
    message: str
    source: str


class YamlLanguageServer:
    """Drive the server over stdio. Use as a context manager."""

    def __init__(self, workspace: Path, settings: dict[str, Any]) -> None:
        self.workspace = workspace
        self.settings = {"yaml": {**settings, "schemaStore": {"enable": False}}}
        self._next_id = 0
        self._messages: queue.Queue[dict[str, Any]] = queue.Queue()
        self._pending: list[dict[str, Any]] = []
        self._proc: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> YamlLanguageServer:
        self._proc = subprocess.Popen(
            ["node", str(SERVER), "--stdio"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env={**os.environ, "NODE_NO_WARNINGS": "1"},
        )
        assert self._proc.stdout is not None
        threading.Thread(target=self._read, args=(self._proc.stdout,), daemon=True).start()
        uri = self.workspace.as_uri()
        self.request(
            "initialize",
            {
                "processId": os.getpid(),
                "rootUri": uri,
                "workspaceFolders": [{"uri": uri, "name": self.workspace.name}],
                "capabilities": {
                    "workspace": {"configuration": True},
                    "textDocument": {
                        "publishDiagnostics": {},
                        "hover": {"contentFormat": ["markdown", "plaintext"]},
                        "completion": {"completionItem": {"documentationFormat": ["markdown"]}},
                    },
                },
            },
        )
        self.notify("initialized", {})
        self.notify("workspace/didChangeConfiguration", {"settings": self.settings})
        return self

    def __exit__(self, *exc: object) -> None:
        proc = self._proc
        if proc is None:
            return
        try:
            self.request("shutdown", None)
            self.notify("exit", None)
            proc.wait(timeout=5)
        except Exception:
            proc.kill()
            proc.wait()

    # --- what the editor does ---------------------------------------------------------------

    def diagnostics(self, path: Path) -> list[Diagnostic]:
        """Open a file and return the diagnostics the server publishes for it."""
        uri = path.as_uri()
        self.notify(
            "textDocument/didOpen",
            {
                "textDocument": {
                    "uri": uri,
                    "languageId": "yaml",
                    "version": 1,
                    "text": path.read_text(encoding="utf-8"),
                }
            },
        )
        message = self._wait(
            lambda m: (
                m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri
            )
        )
        return [
            Diagnostic(
                d["range"]["start"]["line"] + 1,
                d["range"]["start"]["character"] + 1,
                d["message"],
                d.get("source", ""),
            )
            for d in message["params"]["diagnostics"]
        ]

    def hover(self, path: Path, line: int, column: int) -> str:
        """The hover text at a 1-based position (the file must be open)."""
        result = self.request(
            "textDocument/hover",
            {"textDocument": {"uri": path.as_uri()}, "position": _position(line, column)},
        )
        if not result:
            return ""
        contents = result["contents"]
        return str(contents["value"] if isinstance(contents, dict) else contents)

    def completion(self, path: Path, line: int, column: int) -> list[str]:
        """Labels the server offers at a 1-based position (the file must be open)."""
        result = self.request(
            "textDocument/completion",
            {"textDocument": {"uri": path.as_uri()}, "position": _position(line, column)},
        )
        items = result["items"] if isinstance(result, dict) else result or []
        return [str(item["label"]) for item in items]

    # --- JSON-RPC ---------------------------------------------------------------------------

    def request(self, method: str, params: Any) -> Any:
        self._next_id += 1
        ident = self._next_id
        self._send({"jsonrpc": "2.0", "id": ident, "method": method, "params": params})
        reply = self._wait(lambda m: m.get("id") == ident and "method" not in m)
        assert "error" not in reply, reply
        return reply.get("result")

    def notify(self, method: str, params: Any) -> None:
        self._send({"jsonrpc": "2.0", "method": method, "params": params})

    def _send(self, message: dict[str, Any]) -> None:
        assert self._proc is not None and self._proc.stdin is not None
        body = json.dumps(message).encode()
        self._proc.stdin.write(f"Content-Length: {len(body)}\r\n\r\n".encode() + body)
        self._proc.stdin.flush()

    def _read(self, stream: IO[bytes]) -> None:
        while True:
            length = 0
            while True:
                header = stream.readline()
                if not header:
                    return
                if header in (b"\r\n", b"\n"):
                    break
                name, _, value = header.decode().partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            self._messages.put(json.loads(stream.read(length)))

    def _wait(self, wanted: Any) -> dict[str, Any]:
        for i, message in enumerate(self._pending):
            if wanted(message):
                return self._pending.pop(i)
        while True:
            message = self._messages.get(timeout=TIMEOUT)
            if "method" in message and "id" in message:  # a request from the server
                self._answer(message)
            elif wanted(message):
                return message
            else:
                self._pending.append(message)

    def _answer(self, message: dict[str, Any]) -> None:
        result: Any = None
        if message["method"] == "workspace/configuration":
            result = [
                self.settings.get(item.get("section", ""), None)
                if item.get("section") in self.settings
                else _section(self.settings, item.get("section", ""))
                for item in message["params"]["items"]
            ]
        self._send({"jsonrpc": "2.0", "id": message["id"], "result": result})


def _section(settings: dict[str, Any], section: str) -> Any:
    node: Any = settings
    for part in section.split(".") if section else []:
        node = node.get(part) if isinstance(node, dict) else None
    return node


def _position(line: int, column: int) -> dict[str, int]:
    return {"line": line - 1, "character": column - 1}
