// Keeps each pair of videos on a moderator's item page in step along the alignment the
// matcher found: the left one is the held clip (the query), the right one the clip it
// matched (the reference), and within a matched segment reference = speed × query + offset.
// Served as written from /static/sync-playback.js; the page's CSP allows only same-origin
// script, so everything here is wired up from data attributes, never inline.
// Nothing starts by itself: the right video plays only while the moderator plays the left
// one, and not even then when they prefer reduced motion (it still follows every seek).
(() => {
  "use strict";

  // "queryStart queryEnd speed offset" per segment, segments separated by ";".
  function parseSegments(text) {
    return text.split(";")
      .map((part) => part.trim().split(/\s+/).map(Number))
      .filter((numbers) => numbers.length === 4 && numbers.every(Number.isFinite))
      .map(([queryStart, queryEnd, speed, offset]) => ({ queryStart, queryEnd, speed, offset }));
  }

  // The segment holding query time t, or undefined outside every segment.
  function segmentAt(segments, t) {
    return segments.find((s) => s.queryStart <= t && t <= s.queryEnd);
  }

  // The reference time shown at query time t, or null outside every segment.
  function toReference(segments, t) {
    const s = segmentAt(segments, t);
    return s ? s.speed * t + s.offset : null;
  }

  // The query time that shows reference time r, or null when no segment maps to it
  // (a zero speed divides to an infinity or NaN, which no segment holds).
  function toQuery(segments, r) {
    for (const s of segments) {
      const t = (r - s.offset) / s.speed;
      if (s.queryStart <= t && t <= s.queryEnd) return t;
    }
    return null;
  }

  // Times differing by less than this are the same moment; a playing pair drifts further
  // before it is corrected, so the right video is not re-seeked on every timeupdate.
  const sameMoment = 0.05;
  const allowedDrift = 0.3;

  function synchronise(pair) {
    const left = pair.querySelector('video[data-sync="query"]');
    const right = pair.querySelector('video[data-sync="reference"]');
    const status = pair.querySelector("[data-sync-status]");
    if (!left || !right) return;
    const segments = parseSegments(pair.dataset.syncSegments || "");
    const reducedMotion = window.matchMedia("(prefers-reduced-motion: reduce)");
    // The time this script last set on each video: a seek that lands there is its own, not
    // the moderator's (one seek may interrupt another, so events are not counted).
    const ours = { left: null, right: null };

    function say(outside, message) {
      pair.classList.toggle("outside", outside);
      if (status && status.textContent !== message) status.textContent = message;
    }

    function seek(video, which, time) {
      ours[which] = time;
      video.currentTime = time;
    }

    function isOurs(video, which) {
      return ours[which] !== null && Math.abs(video.currentTime - ours[which]) < sameMoment;
    }

    // Puts the right video where the left one's moment maps, and plays or pauses it with the left.
    function follow(tolerance) {
      const reference = toReference(segments, left.currentTime);
      if (reference === null) {
        right.pause();
        say(true, "This moment is outside the matched part: the matched clip waits.");
        return;
      }
      say(false, "");
      if (right.readyState < HTMLMediaElement.HAVE_METADATA) return;
      const target = Math.min(Math.max(reference, 0), Number.isFinite(right.duration) ? right.duration : reference);
      if (Math.abs(right.currentTime - target) > tolerance) seek(right, "right", target);
      if (left.paused || reducedMotion.matches) {
        right.pause();
        return;
      }
      try {
        right.playbackRate = segmentAt(segments, left.currentTime).speed * left.playbackRate;
      } catch {
        // A rate the browser cannot play: the drift correction keeps the pair close instead.
      }
      right.play().catch(() => {});
    }

    left.addEventListener("seeking", () => { if (!isOurs(left, "left")) follow(sameMoment); });
    left.addEventListener("play", () => follow(sameMoment));
    left.addEventListener("pause", () => follow(sameMoment));
    left.addEventListener("ratechange", () => follow(allowedDrift));
    left.addEventListener("timeupdate", () => { if (!left.paused && !reducedMotion.matches) follow(allowedDrift); });
    right.addEventListener("loadedmetadata", () => { if (left.currentTime > 0 || !left.paused) follow(sameMoment); });
    right.addEventListener("seeking", () => {
      if (isOurs(right, "right")) return;
      const query = toQuery(segments, right.currentTime);
      if (query === null) {
        say(true, "The matched clip is outside the matched part here: this clip stays where it was.");
        return;
      }
      say(false, "");
      seek(left, "left", query);
    });
  }

  if (typeof document !== "undefined") {
    document.querySelectorAll(".sync-pair").forEach(synchronise);
  } else if (typeof module !== "undefined") {
    // Node, for Tests/Web: the mapping alone, without a page.
    module.exports = { parseSegments, toReference, toQuery };
  }
})();
