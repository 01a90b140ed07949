#!/usr/bin/env python3
"""A local stand-in for the Figma REST API and Penpot RPC API, serving the JSON fixtures
in tests/fixtures/ so that `opends sync` can be tried without an account.

    python3 examples/mock-design-api/serve.py [PORT]      # default 8765, loopback only

Figma file key: AbC123xYz789 (any token is accepted).
Penpot file id: the `id` of tests/fixtures/penpot/file.json (any token is accepted).
"""
import json
import pathlib
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ROOT = pathlib.Path(__file__).resolve().parents[2] / "tests" / "fixtures"
FIGMA = {
    "/v1/me": "me.json",
    "/v1/files/AbC123xYz789": "file-depth1.json",
    "/v1/files/AbC123xYz789/meta": "file-meta.json",
    "/v1/files/AbC123xYz789/variables/local": "variables.json",
    "/v1/files/AbC123xYz789/styles": "styles.json",
    "/v1/files/AbC123xYz789/nodes": "nodes.json",
    "/v1/files/AbC123xYz789/components": "components.json",
    "/v1/files/AbC123xYz789/component_sets": "component_sets.json",
}
PENPOT = {
    "/api/rpc/command/get-profile": "profile.json",
    "/api/rpc/command/get-file": "file.json",
}


class Handler(BaseHTTPRequestHandler):
    def _send(self, status, path):
        body = path.read_bytes()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _route(self, table, folder):
        route = self.path.split("?", 1)[0]
        name = table.get(route)
        if name is None:
            self._send(404, ROOT / "figma" / "error-404.json")
        else:
            self._send(200, ROOT / folder / name)

    def do_GET(self):
        self._route(FIGMA, "figma")

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        self._route(PENPOT, "penpot")

    def log_message(self, fmt, *args):
        sys.stderr.write("mock-design-api: " + fmt % args + "\n")


def main():
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 8765
    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    print(f"serving Figma and Penpot fixtures on http://127.0.0.1:{port}", file=sys.stderr)
    server.serve_forever()


if __name__ == "__main__":
    main()
