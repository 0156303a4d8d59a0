/* Vouch reviews: an embeddable widget showing a product's video reviews, ranked by
 * authenticity, each score explained. No framework, no build step: this file is served
 * as written at GET /widget.js.
 *
 *   <script src="https://vouch.example/widget.js" type="module"></script>
 *   <vouch-reviews product="barista-pro" platform="northwind" json-ld></vouch-reviews>
 *
 * Attributes (a change re-renders):
 *   product       the product id (required)
 *   platform      the platform showing the reviews: reviews recorded elsewhere say so
 *   viewer-token  a viewer attestation (JWT, typ vouch-viewer+jwt) the platform signed for
 *                 the signed-in shopper: reviews then say how the shopper relates to the
 *                 reviewer, and "From people you know first" becomes a sort order
 *   json-ld       (boolean) add the product's schema.org structured data to the page's <head>
 *   sort          the first order: authenticity (default), newest, rating or known
 *   limit         reviews per page, 1 to 100 (default 5)
 *   api           the Vouch origin to ask (default: where this script was loaded from)
 * Property: element.viewerToken = () => token | Promise<token> (or a string); called
 *   before each request, so a page can refresh a short-lived attestation.
 * Events: "vouch-reviews:rendered" (detail {reviews, total}) after each render of reviews;
 *   the host's data-state attribute is loading, ready, empty or error; the first render
 *   sets the performance mark "vouch-reviews:rendered".
 *
 * Theming: set these custom properties on vouch-reviews (or any ancestor):
 *   --vouch-font        font family                 (default: inherited)
 *   --vouch-text        text colour                 (#1d1d1f)
 *   --vouch-muted       secondary text colour       (#555b61; keep 4.5:1 on the background)
 *   --vouch-background  background colour           (#ffffff)
 *   --vouch-surface     cards and bars background   (#f4f5f7)
 *   --vouch-border      borders                     (#d5d8dd)
 *   --vouch-accent      links, buttons, focus rings (#0b5cad)
 *   --vouch-on-accent   text on the accent colour   (#ffffff)
 *   --vouch-star        star colour                 (#8a5a00)
 *   --vouch-radius      corner radius               (8px)
 * Parts for ::part(): root, summary, controls, review, more.
 *
 * Works under a strict Content-Security-Policy: styles come from a constructed stylesheet
 * (no style attributes or <style> elements), no eval, and every piece of API data goes into
 * the page through textContent or attributes, never parsed as HTML. */

const SCRIPT_ORIGIN = new URL(import.meta.url).origin;

const CSS = `
:host{display:block;font-family:var(--vouch-font,inherit);color:var(--vouch-text,#1d1d1f);background:var(--vouch-background,#fff);line-height:1.5;--a:var(--vouch-accent,#0b5cad);--m:var(--vouch-muted,#555b61);--s:var(--vouch-surface,#f4f5f7);--b:var(--vouch-border,#d5d8dd);--r:var(--vouch-radius,8px)}
:host([hidden]){display:none}
*{box-sizing:border-box}
h2{font-size:1.35em;margin:0 0 .5em}
h3{font-size:1.05em;margin:.25em 0}
p{margin:.25em 0}
a{color:var(--a);text-decoration:underline}
:focus-visible{outline:3px solid var(--a);outline-offset:2px}
.muted,.small{color:var(--m)}
.small{font-size:.875em}
.summary{display:grid;grid-template-columns:minmax(10em,auto) 1fr;gap:.5em 2em;align-items:start;padding:1em;background:var(--s);border-radius:var(--r);margin-bottom:1em}
.big{font-size:2.2em;font-weight:700;line-height:1.1}
.dist{list-style:none;margin:0;padding:0}
.dist li{display:grid;grid-template-columns:4.5em 1fr 2.5em;gap:.5em;align-items:center}
meter{width:100%;height:.8em;background:var(--b);border:0;border-radius:4px}
meter::-webkit-meter-bar{background:var(--b);border:0;border-radius:4px;height:.8em}
meter::-webkit-meter-optimum-value,meter::-webkit-meter-suboptimum-value,meter::-webkit-meter-even-less-good-value{background:var(--a);border-radius:4px}
meter::-moz-meter-bar{background:var(--a);border-radius:4px}
.counts{display:flex;flex-wrap:wrap;gap:.25em 1.25em;list-style:none;margin:.5em 0 0;padding:0;grid-column:1/-1}
.controls{display:flex;flex-wrap:wrap;gap:.75em 1.25em;align-items:end;margin:0 0 1em;padding:0;border:0}
.controls label{display:flex;flex-direction:column;font-size:.875em;gap:.2em}
.controls label.check{flex-direction:row;align-items:center;gap:.4em;min-height:2.25em}
select,button{font:inherit;color:inherit;min-height:2.25em;border-radius:calc(var(--r)/2)}
select{border:1px solid var(--m);background:var(--vouch-background,#fff);padding:.2em .4em}
input[type=checkbox]{width:1.15em;height:1.15em;accent-color:var(--a)}
button{background:var(--a);color:var(--vouch-on-accent,#fff);border:1px solid var(--a);padding:.3em 1em;cursor:pointer;transition:opacity .15s}
button:hover{opacity:.9}
button[disabled]{opacity:.6;cursor:progress}
.status{min-height:1.5em;color:var(--m)}
.status.error{color:#a4000f;font-weight:600}
ol.reviews{list-style:none;margin:0;padding:0;display:grid;gap:1em}
article{display:grid;grid-template-columns:minmax(0,16em) 1fr;gap:1em;padding:1em;border:1px solid var(--b);border-radius:var(--r)}
@media (max-width:40em){article,.summary{grid-template-columns:1fr}}
video,img{width:100%;max-height:24em;border-radius:calc(var(--r)/2);background:#000;object-fit:contain}
.stars{color:var(--vouch-star,#8a5a00);letter-spacing:.1em;font-size:1.1em}
.labels{display:flex;flex-wrap:wrap;gap:.35em;list-style:none;margin:.5em 0;padding:0}
.labels li{background:var(--s);border:1px solid var(--b);border-radius:999px;padding:0 .6em;font-size:.85em}
.personal{margin:.5em 0;padding:.4em .75em;border-left:4px solid var(--a);background:var(--s);list-style:none}
.score{margin-top:.5em}
details{margin:.35em 0}
summary{cursor:pointer;color:var(--a);font-weight:600;min-height:1.5em}
dl{display:grid;grid-template-columns:auto 1fr;gap:.25em 1em;margin:.5em 0}
dt{font-weight:600}
dd{margin:0}
.more{margin:1em 0 0}
@media (prefers-reduced-motion:reduce){*,*::before,*::after{animation:none!important;transition:none!important;scroll-behavior:auto!important}}
@media (forced-colors:active){meter{border:1px solid CanvasText}}
`;

let sheet = null;
function stylesheet() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
  }
  return sheet;
}

const SORTS = [
  ["authenticity", "Most trustworthy first"],
  ["newest", "Newest first"],
  ["rating", "Highest rated first"],
  ["known", "From people you know first"],
];

const VERDICTS = {
  original: "No earlier video matched this one: the footage is the reviewer's own.",
  "re-upload": "The same reviewer posted this footage before.",
  copy: "This footage matched another reviewer's earlier video; a moderator checked it and let it through.",
  "reference-footage": "This footage matched brand or stock footage; a moderator checked it and let it through.",
  unexplained: "This score was recorded without its parts.",
};

const FLAGS = {
  "copy-of-other-identity": "it matched another reviewer's video",
  "reference-footage": "it matched brand or stock footage",
  "banned-identity": "the reviewer's account had been banned",
  ring: "the reviewer was in a group of accounts that shared content",
  "ai-generated": "its content credentials declared it generated by AI",
  "provenance-invalid": "its content credentials did not verify",
};

const PARTS = [
  ["identityAssurance", "Identity assurance", "How surely the reviewer is who their platform says: a signed attestation, the account's age, a verified purchase."],
  ["originality", "Originality", "Whether the footage is their own: it is matched against every video reviewed before, including mirrored, cropped or trimmed copies."],
  ["reviewerTrust", "Reviewer trust", "How far the people around the reviewer are trusted, across the platforms they use."],
];

let serial = 0;

/** An element with attributes and children; strings become text nodes, never HTML. */
function h(tag, attributes, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === false || value === null || value === undefined) continue;
    if (name === "class") element.className = value;
    else if (name === "text") element.textContent = value;
    else element.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(typeof child === "string" || typeof child === "number" ? String(child) : child);
  }
  return element;
}

const percent = (value) => `${Math.round(Math.max(0, Math.min(1, Number(value) || 0)) * 100)}%`;
const oneDecimal = (value) => (typeof value === "number" ? value.toFixed(1) : null);
const plural = (count, one, many) => `${count} ${count === 1 ? one : many}`;
const capitalised = (text) => text.charAt(0).toUpperCase() + text.slice(1);

function starsOf(rating) {
  const whole = Math.max(0, Math.min(5, Math.floor(rating + 0.25))); // 4.5 shows four stars; its label says 4.5
  return h("p", { class: "stars", role: "img", "aria-label": `${rating} out of 5 stars` }, "★".repeat(whole) + "☆".repeat(5 - whole));
}

/** A readable error from a failed answer: the problem's detail when there is one. */
class LoadError extends Error {
  constructor(message, status) {
    super(message);
    this.status = status;
  }
}

class VouchReviews extends HTMLElement {
  static observedAttributes = ["product", "platform", "viewer-token", "json-ld", "sort", "limit", "api"];

  #root;
  #tokenSource = null;
  #state = { sort: null, rating: "", verified: false, video: false, cursor: null, shown: 0 };
  #generation = 0; // bumped by each render: late summary and structured data are dropped
  #listGeneration = 0; // bumped by each first page: late pages are dropped
  #notice = "";
  #scheduled = false;
  #jsonLd = null;
  #marked = false;
  #hasToken = false;
  #parts = {};

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: "open" });
    if ("adoptedStyleSheets" in this.#root) this.#root.adoptedStyleSheets = [stylesheet()];
    else this.#root.append(h("style", { text: CSS })); // old browsers; a strict CSP blocks this
  }

  get viewerToken() {
    return this.#tokenSource;
  }

  set viewerToken(source) {
    this.#tokenSource = source;
    this.#schedule();
  }

  connectedCallback() {
    // A property set before the element was upgraded sits on the instance: take it over.
    if (Object.prototype.hasOwnProperty.call(this, "viewerToken")) {
      const source = this.viewerToken;
      delete this.viewerToken;
      this.viewerToken = source;
    }
    this.#schedule();
  }

  disconnectedCallback() {
    this.#generation++;
    this.#listGeneration++;
    this.#jsonLd?.remove();
    this.#jsonLd = null;
  }

  attributeChangedCallback(name, previous, value) {
    if (previous === value) return;
    if (name === "sort") this.#state.sort = null;
    this.#schedule();
  }

  get #base() {
    const api = this.getAttribute("api");
    try {
      return api ? new URL(api, document.baseURI).origin : SCRIPT_ORIGIN;
    } catch {
      return SCRIPT_ORIGIN;
    }
  }

  get #limit() {
    const limit = parseInt(this.getAttribute("limit") || "5", 10);
    return Number.isFinite(limit) ? Math.max(1, Math.min(100, limit)) : 5;
  }

  #schedule() {
    if (this.#scheduled || !this.isConnected) return;
    this.#scheduled = true;
    queueMicrotask(() => {
      this.#scheduled = false;
      if (this.isConnected) this.#render();
    });
  }

  async #token() {
    let source = this.#tokenSource;
    if (typeof source === "function") {
      try {
        source = await source();
      } catch {
        source = null;
      }
    }
    const token = typeof source === "string" && source ? source : this.getAttribute("viewer-token");
    return token && token.trim() ? token.trim() : null;
  }

  #url(path, parameters = {}) {
    const url = new URL(path, this.#base);
    const platform = this.getAttribute("platform");
    if (platform) url.searchParams.set("platform", platform);
    for (const [name, value] of Object.entries(parameters)) {
      if (value !== null && value !== undefined && value !== "") url.searchParams.set(name, String(value));
    }
    return url;
  }

  /** A media path from the API, resolved against Vouch's origin; only http(s). */
  #media(path) {
    if (!path) return null;
    try {
      const url = new URL(path, this.#base);
      return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
    } catch {
      return null;
    }
  }

  async #get(url, token, accept = "application/json") {
    const headers = { Accept: accept };
    if (token) headers["Vouch-Viewer"] = token;
    let answer;
    try {
      answer = await fetch(url, { headers, credentials: "omit", mode: "cors" });
    } catch {
      throw new LoadError("Reviews could not be loaded: the review service did not answer. Check your connection and try again.", 0);
    }
    if (!answer.ok) {
      try {
        const problem = await answer.json(); // for developers; shoppers get plain words
        console.warn(`vouch-reviews: ${url.pathname} answered ${answer.status}: ${problem.detail || problem.title || ""}`);
      } catch {}
      const reason = answer.status === 404 ? "This product has no reviews on Vouch yet." :
        answer.status === 429 ? "Too many requests for reviews just now; try again in a minute." :
        answer.status === 401 ? "Your sign-in could not be checked, so reviews from people you know cannot be shown." :
        `Reviews could not be loaded (error ${answer.status}).`;
      throw new LoadError(reason, answer.status);
    }
    try {
      return await answer.json();
    } catch {
      throw new LoadError("Reviews could not be loaded: the answer was not readable.", answer.status);
    }
  }

  /** Builds the frame (summary, controls, list) and loads the first page. */
  async #render() {
    const product = this.getAttribute("product");
    const generation = ++this.#generation;
    this.#root.replaceChildren();
    this.#jsonLd?.remove();
    this.#jsonLd = null;
    const id = `vouch-${++serial}`;
    const status = h("p", { class: "status", role: "status", "aria-live": "polite" });
    const heading = h("h2", { id: `${id}-h`, text: "Video reviews" });
    const summary = h("div", { class: "summary", part: "summary" });
    const controls = this.#controls(id);
    const list = h("ol", { class: "reviews", "aria-labelledby": `${id}-h` });
    const more = h("button", { type: "button", class: "more", part: "more", hidden: true, text: "Show more reviews" });
    const footer = h("p", { class: "small muted" }, "Ranked by how surely each video is genuine. ",
      h("a", { href: `${this.#base}/how-reviews-are-verified`, target: "_blank", rel: "noopener" }, "How reviews are verified"));
    const section = h("section", { part: "root", "aria-labelledby": `${id}-h` }, heading, summary, controls.element, status, list, more, footer);
    this.#parts = { status, summary, list, more, controls };
    this.#root.append(section);
    more.addEventListener("click", () => this.#load(false));
    if (!product) {
      this.#fail(new LoadError("No product was named: add a product attribute to <vouch-reviews>.", 0));
      return;
    }
    this.#state.cursor = null;
    this.#state.shown = 0;
    this.#listGeneration++;
    this.dataset.state = "loading";
    status.textContent = "Loading reviews…";
    const token = await this.#token();
    if (generation !== this.#generation || !this.isConnected) return;
    this.#setToken(token);
    const path = `/v1/products/${encodeURIComponent(product)}`;
    this.#get(this.#url(`${path}/summary`), null)
      .then((data) => generation === this.#generation && this.#summary(data))
      .catch(() => generation === this.#generation && summary.replaceChildren(h("p", { class: "muted", text: "The rating summary is not available right now." })));
    if (this.hasAttribute("json-ld")) this.#structuredData(`${path}/structured-data`, generation);
    await this.#load(true, token);
  }

  /** Whether a viewer token is known: shows or hides the "people you know" order. */
  #setToken(token) {
    this.#hasToken = Boolean(token);
    const { select } = this.#parts.controls;
    const known = select.querySelector('option[value="known"]');
    if (token && !known) select.append(h("option", { value: "known", text: SORTS[3][1] }));
    if (!token && known) known.remove();
    let sort = this.#state.sort || this.getAttribute("sort") || "authenticity";
    if (!SORTS.some(([value]) => value === sort) || (sort === "known" && !token)) sort = "authenticity";
    this.#state.sort = sort;
    select.value = sort;
  }

  #controls(id) {
    const select = h("select", { id: `${id}-sort` }, SORTS.slice(0, 3).map(([value, label]) => h("option", { value, text: label })));
    const rating = h("select", { id: `${id}-rating` }, h("option", { value: "", text: "All ratings" }),
      [5, 4, 3, 2, 1].map((stars) => h("option", { value: stars, text: plural(stars, "star", "stars") })));
    rating.value = this.#state.rating;
    const verified = h("input", { type: "checkbox", id: `${id}-verified` });
    verified.checked = this.#state.verified;
    const video = h("input", { type: "checkbox", id: `${id}-video` });
    video.checked = this.#state.video;
    const element = h("div", { class: "controls", part: "controls", role: "group", "aria-label": "Sort and filter reviews" },
      h("label", { for: `${id}-sort` }, "Sort by", select),
      h("label", { for: `${id}-rating` }, "Stars", rating),
      h("label", { class: "check", for: `${id}-verified` }, verified, "Verified purchases only"),
      h("label", { class: "check", for: `${id}-video` }, video, "With video only"));
    const reload = () => {
      this.#state.sort = select.value;
      this.#state.rating = rating.value;
      this.#state.verified = verified.checked;
      this.#state.video = video.checked;
      this.#load(true);
    };
    for (const control of [select, rating, verified, video]) control.addEventListener("change", reload);
    return { element, select };
  }

  #reviewsUrl(first) {
    const state = this.#state;
    return this.#url(`/v1/products/${encodeURIComponent(this.getAttribute("product"))}/reviews`, {
      sort: state.sort === "authenticity" ? null : state.sort,
      rating: state.rating,
      verifiedPurchase: state.verified ? "true" : null,
      withVideo: state.video ? "true" : null,
      limit: this.#limit,
      cursor: first ? null : state.cursor,
    });
  }

  /** Loads a page of reviews: the first (replacing the list) or the next. */
  async #load(first, knownToken) {
    const { list, more, status } = this.#parts;
    const generation = first ? ++this.#listGeneration : this.#listGeneration;
    const current = () => generation === this.#listGeneration && this.isConnected;
    const token = knownToken !== undefined ? knownToken : await this.#token();
    if (!current()) return;
    if (knownToken === undefined) this.#setToken(token);
    more.disabled = true;
    this.dataset.state = "loading";
    this.#notice = "";
    status.className = "status";
    status.textContent = first ? "Loading reviews…" : "Loading more reviews…";
    const state = this.#state;
    let page;
    try {
      page = await this.#get(this.#reviewsUrl(first), token);
    } catch (error) {
      if (!current()) return;
      if (error.status !== 401 || !token) return this.#fail(error);
      // A stale or refused attestation: still show everyone's reviews, and say why.
      this.#setToken(null);
      this.#notice = error.message;
      try {
        page = await this.#get(this.#reviewsUrl(first), null);
      } catch (again) {
        if (current()) this.#fail(again);
        return;
      }
    }
    if (!current()) return;
    const reviews = Array.isArray(page.reviews) ? page.reviews : [];
    if (first) list.replaceChildren();
    for (const review of reviews) list.append(h("li", {}, this.#review(review)));
    state.shown = first ? reviews.length : state.shown + reviews.length;
    state.cursor = page.nextCursor || null;
    more.hidden = !state.cursor;
    more.disabled = false;
    if (!first && reviews.length) list.children[list.children.length - reviews.length]?.querySelector("article")?.focus();
    if (state.shown === 0) {
      const filtered = state.rating || state.verified || state.video;
      this.dataset.state = "empty";
      list.replaceChildren(h("li", { class: "muted", text: filtered ? "No reviews match these filters." : "No published reviews of this product yet." }));
    } else {
      this.dataset.state = "ready";
    }
    status.textContent = this.#notice || (state.shown === 0 ? "No reviews to show." :
      first ? `Showing ${plural(state.shown, "review", "reviews")}${state.cursor ? "; more are available" : ""}.` :
      `Loaded ${plural(reviews.length, "more review", "more reviews")}; showing ${state.shown}.`);
    if (!this.#marked && state.shown > 0) {
      this.#marked = true;
      try {
        performance.mark("vouch-reviews:rendered");
      } catch {}
    }
    this.dispatchEvent(new CustomEvent("vouch-reviews:rendered", { bubbles: true, composed: true, detail: { reviews: reviews.length, total: state.shown } }));
  }

  #fail(error) {
    const { status, more } = this.#parts;
    this.dataset.state = "error";
    status.className = "status error";
    status.replaceChildren(error.message || "Reviews could not be loaded.", " ");
    if (error.status !== 404 && this.getAttribute("product")) {
      const retry = h("button", { type: "button", text: "Try again" });
      retry.addEventListener("click", () => this.#load(!this.#state.cursor));
      status.append(retry);
    }
    if (more) more.disabled = false;
  }

  #summary(data) {
    const { summary } = this.#parts;
    const average = oneDecimal(data.averageRating);
    const weighted = oneDecimal(data.trustWeightedRating);
    const rated = data.rated || 0;
    const headline = h("div", {},
      h("p", { class: "big", "aria-hidden": "true", text: average || "–" }),
      average ? starsOf(Number(average)) : null,
      h("p", { class: "muted", text: average ? `Average of ${plural(rated, "rated review", "rated reviews")}` : "No ratings yet" }),
      weighted ? h("p", {}, h("strong", { text: `${weighted} out of 5` }), " weighted by trust") : null);
    const distribution = h("ul", { class: "dist", "aria-label": "Ratings by stars" });
    for (const stars of [5, 4, 3, 2, 1]) {
      const count = Number(data.distribution?.[String(stars)] || 0);
      distribution.append(h("li", {},
        h("span", { text: plural(stars, "star", "stars") }),
        h("meter", { min: 0, max: Math.max(rated, 1), value: count, "aria-label": `${plural(stars, "star", "stars")}: ${plural(count, "review", "reviews")}` }),
        h("span", { class: "muted", "aria-hidden": "true", text: String(count) })));
    }
    const counts = h("ul", { class: "counts small" },
      h("li", { text: `${plural(data.reviews || 0, "published review", "published reviews")}` }),
      h("li", { text: `${data.verifiedPurchases || 0} verified ${data.verifiedPurchases === 1 ? "purchase" : "purchases"}` }),
      h("li", { text: `${data.incentivised || 0} incentivised` }),
      h("li", { text: `${data.insiders || 0} from insiders` }));
    summary.replaceChildren(headline, distribution, counts);
  }

  #review(review) {
    const handle = review.reviewer?.handle || "A reviewer";
    const titleId = `vouch-${++serial}`;
    const article = h("article", { part: "review", tabindex: "-1", "aria-labelledby": titleId });
    const video = this.#media(review.media?.video);
    const poster = this.#media(review.media?.poster);
    const captions = this.#media(review.media?.captions);
    let picture = null;
    if (video) {
      picture = h("video", { controls: true, preload: "metadata", crossorigin: "anonymous", playsinline: true, poster, src: video, "aria-label": `Video review by ${handle}` });
      if (captions) picture.append(h("track", { kind: "captions", src: captions, srclang: review.language || "en", label: "Captions", default: true }));
    } else if (poster) {
      picture = h("img", { src: poster, alt: `A frame of ${handle}'s review`, loading: "lazy" });
    }
    const created = review.createdAt ? new Date(review.createdAt) : null;
    const date = created && !isNaN(created) ? h("time", { datetime: review.createdAt, text: created.toLocaleDateString(undefined, { year: "numeric", month: "long", day: "numeric" }) }) : null;
    const words = h("div", {},
      h("p", {}, h("strong", { text: handle }), h("span", { class: "muted" }, ` on ${review.reviewer?.platform || "?"}`, date ? " · " : "", date)),
      typeof review.rating === "number" ? starsOf(review.rating) : null,
      h("h3", { id: titleId, text: review.title || `Review by ${handle}` }),
      review.text ? h("p", { lang: review.language || null, text: review.text }) : null);
    const labels = Array.isArray(review.labels) ? review.labels : [];
    if (labels.length) words.append(h("ul", { class: "labels", "aria-label": "Disclosures" }, labels.map((label) => h("li", { text: String(label) }))));
    const syndicated = review.syndicatedFrom;
    if (syndicated) {
      words.append(h("p", { class: "small muted", text: `Syndicated from ${syndicated.platformName || syndicated.platform}: reviewed there, shown here for the same product` }));
    }
    const lines = this.#hasToken && Array.isArray(review.personalTrust?.explanation) ? review.personalTrust.explanation : [];
    if (lines.length) words.append(h("ul", { class: "personal", "aria-label": "People you know" }, lines.map((line) => h("li", { text: capitalised(String(line)) }))));
    words.append(this.#why(review));
    article.append(...(picture ? [picture] : []), words);
    return article;
  }

  /** The score and the "Why this is trusted" panel: the parts in plain words, the log entry. */
  #why(review) {
    const explanation = review.explanation || {};
    const parts = h("dl", {});
    for (const [key, name, sentence] of PARTS) {
      const value = explanation[key];
      if (typeof value !== "number") continue;
      parts.append(h("dt", { text: `${name}: ${percent(value)}` }), h("dd", { text: sentence }));
    }
    const panel = h("details", {}, h("summary", { text: "Why this is trusted" }), parts);
    const verdict = VERDICTS[explanation.verdict];
    if (verdict) panel.append(h("p", { text: verdict }));
    const flags = Array.isArray(explanation.flags) ? explanation.flags : [];
    if (flags.length) panel.append(h("p", { text: `Held for a moderator, who cleared it, because ${flags.map((flag) => FLAGS[flag] || String(flag)).join(" and ")}.` }));
    const provenance = review.provenance;
    if (provenance?.state === "valid") panel.append(h("p", { text: `The footage carries verified content credentials${provenance.signer ? `, signed by ${provenance.signer}` : ""}.` }));
    if (provenance?.aiGenerated) panel.append(h("p", { text: "The footage's content credentials say it was made with AI." }));
    if (Number.isInteger(review.logIndex)) {
      panel.append(h("p", { class: "small" }, `Entry ${review.logIndex} in Vouch's signed, append-only review log: nobody can quietly change or remove it. `,
        h("a", { href: `${this.#base}/v1/log/proofs/inclusion?index=${review.logIndex}`, target: "_blank", rel: "noopener", "aria-label": `Verify log entry ${review.logIndex}` }, "Verify")));
    }
    return h("div", { class: "score" }, h("p", {}, h("strong", { text: `${percent(review.score)} trustworthy` }), h("span", { class: "muted", text: " by Vouch's checks" })), panel);
  }

  /** Adds the product's schema.org data to the host page's <head>, where crawlers read it. */
  async #structuredData(path, generation) {
    let data;
    try {
      data = await this.#get(this.#url(path), null, "application/ld+json, application/json");
    } catch {
      return;
    }
    if (generation !== this.#generation || !data || typeof data !== "object") return;
    const script = document.createElement("script");
    script.type = "application/ld+json";
    script.dataset.vouchProduct = this.getAttribute("product");
    script.textContent = JSON.stringify(data).replace(/</g, "\\u003c");
    this.#jsonLd?.remove();
    this.#jsonLd = script;
    document.head.append(script);
  }
}

if (!customElements.get("vouch-reviews")) customElements.define("vouch-reviews", VouchReviews);

export { VouchReviews };
