"""Media range requests against nginx: uploads a ~5 MB H.264 clip through the platform
API to `vouch serve` on a fresh embedded store, waits until it is published, and serves
its web rendition both from Vouch (`/media/renditions/...`) and from nginx pointed at
the same file in the media store. Then, in the same run, alternates wrk rounds of
whole-file GETs and of 1 MB `Range` requests at random offsets (as a seeking player
sends) against each. Prints a Markdown table for Docs/benchmarks.md. Run by
Scripts/bench-media."""

import argparse
import getpass
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

sys.path.insert(0, os.path.dirname(__file__))
from platform_client import Platform, free_port, wait_until_serving  # noqa: E402
from shopper_bench import seconds  # noqa: E402

PRODUCT = "bench-camera"

# One Lua state per wrk thread: each gets its own seed, then asks for random 1 MB windows.
RANGES_LUA = """
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("seed", threads)
end
function init(args)
  math.randomseed(seed)
end
function request()
  local first = math.random(0, %(size)d - %(window)d)
  return wrk.format("GET", "%(path)s", {["Range"] = "bytes=" .. first .. "-" .. (first + %(window)d - 1)})
end
"""

NGINX_CONF = """daemon off;
%(user)s
pid %(work)s/nginx.pid;
error_log %(work)s/error.log;
worker_processes 2;
events { worker_connections 1024; }
http {
    access_log off;
    sendfile on;
    types { video/mp4 mp4; }
    client_body_temp_path %(work)s/client_body;
    proxy_temp_path %(work)s/proxy;
    fastcgi_temp_path %(work)s/fastcgi;
    uwsgi_temp_path %(work)s/uwsgi;
    scgi_temp_path %(work)s/scgi;
    server {
        listen 127.0.0.1:%(port)d;
        root %(root)s;
    }
}
"""

MODES = [("whole file", "vouch"), ("whole file", "nginx"), ("1 MB ranges", "vouch"), ("1 MB ranges", "nginx")]


def wrk(args, url, script=None):
    command = ["wrk", f"-t{args.threads}", f"-c{args.connections}", f"-d{args.duration}s", "--latency"]
    if script:
        command += ["-s", script]
    out = subprocess.run(command + [url], check=True, capture_output=True, text=True).stdout
    percentiles = dict(re.findall(r"^\s+(50|99)(?:\.000)?%\s+(\S+)$", out, re.M))
    transfer, unit = re.search(r"Transfer/sec:\s+([\d.]+)(B|KB|MB|GB)", out).groups()
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {
        "mbps": float(transfer) * {"B": 1 / 1024 ** 2, "KB": 1 / 1024, "MB": 1.0, "GB": 1024.0}[unit],
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50": seconds(percentiles["50"]) * 1000,
        "p99": seconds(percentiles["99"]) * 1000,
        "non2xx": int(errors.group(1)) if errors else 0,
    }


def make_clip(path, seconds_long):
    """A 1280x720 test pattern with temporal noise at 2 Mb/s: about 5 MB, and noisy enough
    that the rendition Vouch makes of it (CRF 23) is about as big."""
    subprocess.run(["ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", f"testsrc2=size=1280x720:rate=30:duration={seconds_long}",
                    "-vf", "noise=alls=5:allf=t", "-c:v", "libx264", "-preset", "veryfast", "-b:v", "2M", "-pix_fmt", "yuv420p",
                    "-movflags", "+faststart", path], check=True)


def check(url, headers, status):
    """One request by hand before the load: the status, and the bytes a range should carry."""
    with urllib.request.urlopen(urllib.request.Request(url, headers=headers)) as answer:
        body = answer.read()
        if answer.status != status:
            sys.exit(f"bench-media: {url} answered {answer.status}, not {status}")
        return body


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--vouch", required=True)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--clip-seconds", type=int, default=20)
    parser.add_argument("--window", type=int, default=1 << 20)
    args = parser.parse_args()

    work = tempfile.mkdtemp(prefix="vouch-bench-media-")
    os.chmod(work, 0o755)
    port = free_port()
    settings = f"{work}/vouch.json"
    config = json.load(open("Config/vouch.json"))
    config["server"] = dict(config.get("server", {}), port=port, rateLimit={"enabled": False})
    json.dump(config, open(settings, "w"))
    server = nginx = None
    try:
        clip = f"{work}/upload.mp4"
        make_clip(clip, args.clip_seconds)
        shop = Platform(args.vouch, settings, "shop", "Shop", work)
        server = subprocess.Popen([args.vouch, "serve", "--config", settings, "--data", work], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        base = f"http://127.0.0.1:{port}"
        wait_until_serving(base, server)
        clip_id = shop.upload(base, clip, "alice", PRODUCT, "Bench Camera")["id"]
        final = shop.wait_final(base, [clip_id])[clip_id]
        if final["status"] != "published":
            sys.exit(f"bench-media: the clip ended {final['status']}, not published")
        with urllib.request.urlopen(f"{base}/v1/products/{PRODUCT}/reviews") as answer:
            video = json.load(answer)["reviews"][0]["media"].get("video")
        if not video:
            sys.exit("bench-media: the published review has no rendition")
        key = video.removeprefix("/media/")
        objects = f"{work}/media/objects"
        size = os.path.getsize(f"{objects}/{key}")
        for folder in (f"{work}/media", objects, os.path.dirname(f"{objects}/{key}")):
            os.chmod(folder, 0o755)

        nginx_port = free_port()
        nginx_dir = f"{work}/nginx"
        os.mkdir(nginx_dir)
        user = "user root;" if os.geteuid() == 0 else ""
        open(f"{nginx_dir}/nginx.conf", "w").write(NGINX_CONF % {"user": user or f"# as {getpass.getuser()}", "work": nginx_dir,
                                                                 "port": nginx_port, "root": objects})
        nginx = subprocess.Popen(["nginx", "-p", nginx_dir, "-c", f"{nginx_dir}/nginx.conf", "-e", f"{nginx_dir}/error.log"],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        nginx_base = f"http://127.0.0.1:{nginx_port}"
        wait_until_serving_file(f"{nginx_base}/{key}", nginx)

        urls = {"vouch": f"{base}{video}", "nginx": f"{nginx_base}/{key}"}
        whole = {name: check(url, {}, 200) for name, url in urls.items()}
        if whole["vouch"] != whole["nginx"] or len(whole["vouch"]) != size:
            sys.exit("bench-media: Vouch and nginx serve different bytes")
        window = f"bytes={size // 3}-{size // 3 + args.window - 1}"
        if {name: check(url, {"Range": window}, 206) for name, url in urls.items()} != {name: whole[name][size // 3:size // 3 + args.window] for name in urls}:
            sys.exit("bench-media: a range answered the wrong bytes")

        scripts = {}
        for name, url in urls.items():
            scripts[name] = f"{work}/{name}-ranges.lua"
            open(scripts[name], "w").write(RANGES_LUA % {"size": size, "window": args.window, "path": url.split(str(port if name == "vouch" else nginx_port), 1)[1]})
        warm = argparse.Namespace(**{**vars(args), "duration": 3})
        for name, url in urls.items():
            wrk(warm, url)
        results = {mode: [] for mode in MODES}
        for _ in range(args.rounds):
            for mode in MODES:
                kind, name = mode
                results[mode].append(wrk(args, urls[name], scripts[name] if kind != "whole file" else None))
    finally:
        for process in (nginx, server):
            if process and process.poll() is None:
                process.send_signal(signal.SIGTERM if process is server else signal.SIGQUIT)
                process.wait(timeout=30)
        shutil.rmtree(work, ignore_errors=True)

    print(f"\nA {size / 1e6:.2f} MB rendition ({size} bytes; {video}); wrk -t{args.threads} -c{args.connections} -d{args.duration}s, "
          f"{args.rounds} interleaved rounds per mode, medians; MB/s is wrk's Transfer/sec (MiB/s, headers included):\n")
    print("| requests | server | MB/s | requests/s | p50 ms | p99 ms | non-2xx | Vouch / nginx (MB/s) |")
    print("|---|---|---|---|---|---|---|---|")
    for kind in ("whole file", "1 MB ranges"):
        vouch, other = summarise(results[(kind, "vouch")]), summarise(results[(kind, "nginx")])
        for name, row in (("Vouch `/media/...`", vouch), ("nginx 1.22, same file", other)):
            ratio = f"{vouch['mbps'] / other['mbps']:.2f}" if row is vouch else ""
            print(f"| {kind} | {name} | {row['mbps']:.0f} | {row['rps']:.0f} | {row['p50']:.2f} | {row['p99']:.2f} | {row['non2xx']} | {ratio} |")
    for mode, runs in results.items():
        print(f"{mode[0]}, {mode[1]}: " + ", ".join(f"{r['mbps']:.0f} MB/s {r['rps']:.0f}/s p99 {r['p99']:.2f} ms" for r in runs))


def wait_until_serving_file(url, process, timeout=30):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"nginx exited with status {process.returncode}")
        try:
            with urllib.request.urlopen(urllib.request.Request(url, method="HEAD"), timeout=1):
                return
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.2)
    raise TimeoutError(f"{url} did not answer within {timeout} s")


def summarise(runs):
    def median(values):
        return sorted(values)[len(values) // 2]
    return {key: median([r[key] for r in runs]) for key in ("mbps", "rps", "p50", "p99")} | {"non2xx": sum(r["non2xx"] for r in runs)}


if __name__ == "__main__":
    main()
