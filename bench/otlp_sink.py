"""A stand-in OTLP/HTTP collector for `BENCH_OTLP=1 bench/run.sh`: accepts trace exports on
127.0.0.1, discards them and counts them, so the bench measures what exporting costs the API and
not what a real collector does with the spans. Bodies over MAX_BODY bytes are refused (413).

    python bench/otlp_sink.py PORT    # prints "<exports> exports, <bytes> bytes" on SIGTERM
"""

import signal
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

MAX_BODY = 8 * 1024 * 1024
received = {"exports": 0, "bytes": 0}


class Sink(BaseHTTPRequestHandler):
    def do_POST(self) -> None:  # noqa: N802 - the name http.server calls
        length = int(self.headers.get("Content-Length") or 0)
        if self.path != "/v1/traces" or not 0 <= length <= MAX_BODY:
            self.send_response(404 if self.path != "/v1/traces" else 413)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.rfile.read(length)
        received["exports"] += 1
        received["bytes"] += length
        # An empty ExportTraceServiceResponse: everything accepted.
        self.send_response(200)
        self.send_header("Content-Type", "application/x-protobuf")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - http.server's signature
        pass


def main() -> None:
    server = ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Sink)

    def stop(*_: object) -> None:
        print(f"{received['exports']} exports, {received['bytes']} bytes", file=sys.stderr, flush=True)
        sys.exit(0)

    signal.signal(signal.SIGTERM, stop)
    server.serve_forever()


if __name__ == "__main__":
    main()
