"""A minimal Chrome DevTools Protocol client over --remote-debugging-pipe: enough to set
a cookie, load a page and take a screenshot with headless Chromium, with no WebSocket
library. Messages are JSON, each terminated by a NUL byte, on file descriptors 3
(to Chromium) and 4 (from Chromium)."""

import base64
import fcntl
import json
import os
import subprocess


class Chromium:
    def __init__(self, binary="chromium", width=1280, height=900):
        browser_reads, self._to_browser = os.pipe()
        self._from_browser, browser_writes = os.pipe()

        def onto_fds_3_and_4():
            high = [fcntl.fcntl(fd, fcntl.F_DUPFD, 10) for fd in (browser_reads, browser_writes)]
            os.dup2(high[0], 3)
            os.dup2(high[1], 4)

        self.process = subprocess.Popen(
            [binary, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
             "--remote-debugging-pipe", f"--window-size={width},{height}", "about:blank"],
            preexec_fn=onto_fds_3_and_4, pass_fds=(browser_reads, browser_writes, 3, 4),
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(browser_reads)
        os.close(browser_writes)
        self._buffer = b""
        self._next_id = 0
        self.width, self.height = width, height
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        self.call("Page.enable", session=True)

    def call(self, method, params=None, session=False):
        self._next_id += 1
        message = {"id": self._next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = self.session
        os.write(self._to_browser, json.dumps(message).encode() + b"\0")
        while True:
            reply = self._read()
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})

    def wait_for(self, event):
        while self._read().get("method") != event:
            pass

    def set_cookie(self, name, value, url):
        self.call("Storage.setCookies", {"cookies": [{"name": name, "value": value, "url": url, "httpOnly": True, "sameSite": "Strict"}]})

    def screenshot(self, url, path, full_page=False):
        """Loads `url` and writes a PNG of the window (or of the whole page) to `path`."""
        self.navigate(url)
        self.capture(path, full_page)

    def navigate(self, url):
        """Loads `url` and waits for its load event."""
        self.call("Page.navigate", {"url": url}, session=True)
        self.wait_for("Page.loadEventFired")

    def capture(self, path, full_page=False):
        """Writes a PNG of the window (or of the whole page) as it is now to `path`."""
        params = {"format": "png"}
        if full_page:
            size = self.call("Page.getLayoutMetrics", session=True)["cssContentSize"]
            params.update(captureBeyondViewport=True, clip={"x": 0, "y": 0, "width": self.width, "height": size["height"], "scale": 1})
        data = self.call("Page.captureScreenshot", params, session=True)["data"]
        with open(path, "wb") as f:
            f.write(base64.b64decode(data))

    def close(self):
        try:
            self.call("Browser.close")
        except (RuntimeError, OSError):
            pass
        self.process.wait(timeout=10)

    def _read(self):
        while b"\0" not in self._buffer:
            chunk = os.read(self._from_browser, 65536)
            if not chunk:
                raise RuntimeError("Chromium closed the DevTools pipe")
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(message)
