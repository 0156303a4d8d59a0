// The mapping Sources/VouchServer/Web/sync-playback.js plays the matched clip by:
// reference = speed × query + offset within a segment, and back. Run: node --test Tests/Web
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { parseSegments, toReference, toQuery } = require("../../Sources/VouchServer/Web/sync-playback.js");

// The copy's first 7.5 s show the reference from 0.5 s; from 10 s it plays 20–40 s at double speed.
const segments = parseSegments("0.0 7.5 1.0 0.5;10 20 2 0");

test("the page's data attribute reads as segments, and anything not four finite numbers is dropped", () => {
  assert.deepEqual(segments, [
    { queryStart: 0, queryEnd: 7.5, speed: 1, offset: 0.5 },
    { queryStart: 10, queryEnd: 20, speed: 2, offset: 0 },
  ]);
  assert.deepEqual(parseSegments(""), []);
  assert.deepEqual(parseSegments("1 2 3; 1 2 3 x; 1 2 3 Infinity"), []);
});

test("a query time maps into the segment holding it, and nowhere outside every segment", () => {
  assert.equal(toReference(segments, 0), 0.5);
  assert.equal(toReference(segments, 7.5), 8);
  assert.equal(toReference(segments, 15), 30);
  assert.equal(toReference(segments, 8.5), null);
  assert.equal(toReference(segments, 25), null);
});

test("a reference time maps back to the query time that shows it", () => {
  assert.equal(toQuery(segments, 3.5), 3);
  assert.equal(toQuery(segments, 30), 15);
  assert.equal(toQuery(segments, 0.2), null);
  assert.equal(toQuery(segments, 45), null);
  for (const t of [0, 2.25, 7.5, 10, 13.3, 20]) assert.ok(Math.abs(toQuery(segments, toReference(segments, t)) - t) < 1e-9);
});
