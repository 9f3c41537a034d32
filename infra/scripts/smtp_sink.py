"""A local SMTP sink for `make images-smoke`: accepts every message and writes each to DIR as
N.eml. No TLS, no authentication; for tests on 127.0.0.1 only. Standard library only (the
smoke runs it with the machine's python3).

Usage: python3 infra/scripts/smtp_sink.py PORT DIR
"""

import asyncio
import itertools
import sys
from pathlib import Path

counter = itertools.count(1)


async def session(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, out: Path) -> None:
    def reply(line: str) -> None:
        writer.write(line.encode() + b"\r\n")

    reply("220 smtp-sink ready")
    while line := await reader.readline():
        command = line.decode(errors="replace").strip().upper()
        if command.startswith("EHLO"):
            writer.write(b"250-smtp-sink\r\n250 8BITMIME\r\n")
        elif command.startswith("DATA"):
            reply("354 end with <CRLF>.<CRLF>")
            lines = []
            while (data := await reader.readline()) not in (b".\r\n", b".\n", b""):
                lines.append(data[1:] if data.startswith(b"..") else data)
            (out / f"{next(counter)}.eml").write_bytes(b"".join(lines))
            reply("250 queued")
        elif command.startswith("QUIT"):
            reply("221 bye")
            break
        else:  # HELO, MAIL FROM, RCPT TO, RSET, NOOP: all accepted
            reply("250 ok")
        await writer.drain()
    await writer.drain()
    writer.close()


async def main(port: int, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    server = await asyncio.start_server(lambda r, w: session(r, w, out), "127.0.0.1", port)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]), Path(sys.argv[2])))
