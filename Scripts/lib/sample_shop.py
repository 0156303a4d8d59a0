"""Serves Samples/shop, the sample shop "Northwind Market", on its own origin: its product
page embeds Vouch's reviews widget from Vouch's origin, which is substituted for {{VOUCH}}
in the page. Every answer carries a strict Content-Security-Policy (scripts, requests and
media from Vouch only; styles from the shop's own stylesheet; no inline scripts or styles,
no eval), to show that the widget works under one.

    python3 Scripts/lib/sample_shop.py --vouch http://127.0.0.1:8080 --port 8081

As a module: `shop = SampleShop(vouch_origin, port); shop.start(); ...; shop.stop()`.
Given `viewer_token` (account -> attestation), the page `/?shopper=ACCOUNT` is the shop as
that signed-in shopper sees it: the shop renders the shopper's viewer attestation into the
widget's `viewer-token` attribute, as a real shop's server would (the demo passes one)."""

import argparse
import html
import http.server
import os
import threading
import urllib.parse

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Samples", "shop")
FILES = {"/": ("index.html", "text/html; charset=utf-8"), "/index.html": ("index.html", "text/html; charset=utf-8"),
         "/shop.css": ("shop.css", "text/css; charset=utf-8")}


def content_security_policy(vouch):
    return "; ".join([
        "default-src 'none'",
        f"script-src {vouch}",
        f"connect-src {vouch}",
        f"media-src {vouch}",
        f"img-src 'self' {vouch}",
        "style-src 'self'",
        "font-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
        "frame-ancestors 'none'",
    ])


def origin_of(url):
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"not an http(s) origin: {url!r}")
    return f"{parts.scheme}://{parts.netloc}"


class SampleShop:
    def __init__(self, vouch, port=0, host="127.0.0.1", viewer_token=None, shoppers=()):
        self.vouch = origin_of(vouch)
        self.viewer_token = viewer_token
        self.shoppers = list(shoppers)
        self.policy = content_security_policy(self.vouch)
        shop = self

        class Handler(http.server.BaseHTTPRequestHandler):
            server_version = "NorthwindSample"

            def do_GET(self):
                parts = urllib.parse.urlsplit(self.path)
                path = parts.path
                shopper = urllib.parse.parse_qs(parts.query).get("shopper", [None])[0]
                if path == "/favicon.ico":
                    return self.answer(204, b"", None)
                if path not in FILES:
                    return self.answer(404, b"Not found\n", "text/plain; charset=utf-8")
                name, content_type = FILES[path]
                with open(os.path.join(ROOT, name), "rb") as f:
                    body = f.read()
                if name.endswith(".html"):
                    body = body.replace(b"{{VOUCH}}", shop.vouch.encode())
                    body = body.replace(b"{{VIEWER}}", shop.viewer_attribute(shopper).encode())
                    body = body.replace(b"{{ACCOUNT}}", shop.account_links(shopper).encode())
                self.answer(200, body, content_type)

            def answer(self, status, body, content_type):
                self.send_response(status)
                if content_type:
                    self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.send_header("Content-Security-Policy", shop.policy)
                self.send_header("X-Content-Type-Options", "nosniff")
                self.send_header("Referrer-Policy", "strict-origin-when-cross-origin")
                self.send_header("Cache-Control", "no-store")
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(body)

            do_HEAD = do_GET

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer((host, port), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.url = f"http://{host}:{self.port}/"
        self.thread = None

    def viewer_attribute(self, shopper):
        """The widget's viewer-token attribute for a signed-in demo shopper, or nothing."""
        if not self.viewer_token or shopper not in self.shoppers:
            return ""
        return f' viewer-token="{html.escape(self.viewer_token(shopper))}"'

    def account_links(self, shopper):
        """The masthead's sign-in links: one per demo shopper, and signing out."""
        if not self.viewer_token:
            return ""
        current = ' aria-current="page"'
        links = [f'<a href="/?shopper={urllib.parse.quote(s)}"{current if s == shopper else ""}>Sign in as {html.escape(s)}</a>'
                 for s in self.shoppers]
        if shopper in self.shoppers:
            links.append('<a href="/">Sign out</a>')
        return '<p class="account">' + " · ".join(links) + "</p>"

    def start(self):
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        return self

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


def main():
    parser = argparse.ArgumentParser(description="Serves the sample shop that embeds Vouch's reviews widget.")
    parser.add_argument("--vouch", default="http://127.0.0.1:8080", help="Vouch's origin, where the widget comes from")
    parser.add_argument("--port", type=int, default=8081)
    parser.add_argument("--host", default="127.0.0.1")
    options = parser.parse_args()
    shop = SampleShop(options.vouch, options.port, options.host)
    print(f"Northwind Market on {shop.url} (reviews from {shop.vouch}); Ctrl-C stops it", flush=True)
    try:
        shop.server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        shop.server.server_close()


if __name__ == "__main__":
    main()
