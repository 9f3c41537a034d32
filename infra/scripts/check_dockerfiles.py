"""The Dockerfiles build alike with Docker (BuildKit) and Podman (Buildah) (infra/scripts/validate.sh).

BuildKit accepts things Buildah does not, and a build that works on one engine only fails a team
on the other. Each rule here is a way a Dockerfile of this project once broke under Podman:

- a bind mount's target must be an absolute path: Buildah stops with ``invalid container path
  "uv.lock", must be an absolute path``;
- no read-write bind mount: BuildKit discards the writes, Buildah writes through to the build
  context (npm rewrote the developer's package-lock.json during a build);
- no cache mount in a RUN that runs as a non-root user: Buildah creates the cache directory
  owned by root and ignores ``mode=``, so the command fails with EACCES;
- no ``mode=`` on a cache mount at all, for the same reason: it looks as if it helps and does not.

Usage: check_dockerfiles.py DOCKERFILE ...   (exit 1 on any problem)
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

MOUNT = re.compile(r"--mount=(\S+)")
ROOT_USERS = {"root", "0", "0:0", "root:root"}


def instructions(text: str) -> list[tuple[int, str, str]]:
    """(line number, INSTRUCTION, arguments), with continuation lines joined and comments dropped."""
    result: list[tuple[int, str, str]] = []
    pending = ""
    start = 0
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if not pending and (not stripped or stripped.startswith("#")):
            continue
        if pending and stripped.startswith("#"):
            continue
        if not pending:
            start = number
        if stripped.endswith("\\"):
            pending += stripped[:-1] + " "
            continue
        pending += stripped
        keyword, _, arguments = pending.partition(" ")
        result.append((start, keyword.upper(), arguments.strip()))
        pending = ""
    return result


def mount_options(spec: str) -> dict[str, str]:
    options: dict[str, str] = {}
    for part in spec.split(","):
        key, _, value = part.partition("=")
        options[key.strip().lower()] = value.strip() if value else "true"
    return options


def problems(path: Path) -> list[str]:
    found: list[str] = []
    stage_users: dict[str, str] = {}
    user = "root"
    stage = ""
    for number, keyword, arguments in instructions(path.read_text()):
        where = f"{path}:{number}"
        if keyword == "FROM":
            words = arguments.split()
            words = [w for w in words if not w.startswith("--")]
            base = words[0] if words else ""
            stage = words[2].lower() if len(words) >= 3 and words[1].upper() == "AS" else ""
            user = stage_users.get(base.lower(), "root")
        elif keyword == "USER":
            user = arguments.split()[0] if arguments else "root"
        elif keyword == "RUN":
            for spec in MOUNT.findall(arguments):
                options = mount_options(spec)
                kind = options.get("type", "bind")
                target = options.get("target") or options.get("dst") or options.get("destination") or ""
                if kind == "bind" and not target.startswith("/"):
                    found.append(f"{where}: bind mount target {target!r} is relative; Buildah needs an absolute path")
                if kind == "bind" and ({"rw", "readwrite"} & options.keys()):
                    if options.get("rw", options.get("readwrite")) != "false":
                        found.append(
                            f"{where}: read-write bind mount of {options.get('source', '?')!r}; Buildah writes "
                            "through to the build context: COPY the file instead"
                        )
                if kind == "cache" and "mode" in options:
                    found.append(f"{where}: cache mount with mode=; Buildah ignores it (root owns the cache)")
                if kind == "cache" and user not in ROOT_USERS:
                    found.append(
                        f"{where}: cache mount in a RUN as user {user!r}; Buildah's cache belongs to root "
                        "(EACCES): install as root and COPY --chown the result"
                    )
        if stage:
            stage_users[stage] = user
    return found


def main(paths: list[str]) -> int:
    found = [problem for path in paths for problem in problems(Path(path))]
    for problem in found:
        print(problem)
    if not found:
        print(f"{len(paths)} Dockerfile(s): bind mounts absolute and read-only, cache mounts root-only")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
