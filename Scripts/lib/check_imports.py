"""Reads `swift package describe --type json` on stdin and compares each target's declared
dependencies with the modules its sources import. Exits 1 naming every mismatch."""
import json
import pathlib
import re
import sys

SYSTEM = {"Foundation", "FoundationEssentials", "FoundationNetworking", "Glibc", "Darwin", "Dispatch", "Testing",
          "XCTest", "Synchronization", "System", "os", "_Concurrency", "CoreFoundation", "Musl"}
IMPORT = re.compile(r"^(?:@\w+\s+)*(?:public\s+|internal\s+|package\s+)?import\s+(?:(?:struct|enum|class|func|protocol|typealias|var|let)\s+)?(\w+)", re.M)
# Dependencies that are there for what they build or run, not for an import.
NOT_IMPORTED = {"SandboxProbe", "vouch"}


def main() -> int:
    package = json.load(sys.stdin)
    problems = []
    for target in package["targets"]:
        if target["type"] == "system-target" or not target.get("sources"):
            continue
        declared = set(target.get("target_dependencies", [])) | set(target.get("product_dependencies", []))
        imported = set()
        for source in target["sources"]:
            imported |= set(IMPORT.findall((pathlib.Path(target["path"]) / source).read_text()))
        imported -= SYSTEM
        name = target["name"]
        if undeclared := sorted(imported - declared):
            problems.append(f"{name} imports {', '.join(undeclared)} without declaring it")
        if unused := sorted(declared - imported - NOT_IMPORTED):
            problems.append(f"{name} declares {', '.join(unused)} but imports none of it")
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
