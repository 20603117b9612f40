/* What the site adds to Material's pages in the reader's browser: a file of the site's own (the
   Content-Security-Policy allows no inline code), no request, nothing the page needs to be read.

   1. Wide tables. Material puts each table in a frame that scrolls sideways
      (.md-typeset__scrollwrap). A frame whose table is wider than the screen says so in a visible
      hint above it, and becomes a region named after its section that a keyboard can focus and
      scroll with the arrow keys (WCAG 2.1.1). When the table fits again, both go.
   2. Search results. With search.highlight, Material links a result to its page with ?h= and the
      query words found in it; a page's own title result gets an empty ?h= when the words are only
      in its sections, so nothing is highlighted. Those links get the words of their sections.
*/
(function () {
  "use strict";

  var HINT = "explainer-scroll-hint";

  function section(frame) {
    for (var el = frame.previousElementSibling; el; el = el.previousElementSibling) {
      if (/^H[1-6]$/.test(el.tagName)) {
        return el.textContent.replace(/\u00b6\s*$/, "").trim();
      }
    }
    var title = document.querySelector("article h1");
    return title ? title.textContent.replace(/\u00b6\s*$/, "").trim() : "";
  }

  function markFrame(frame) {
    var wide = frame.scrollWidth > frame.clientWidth + 1;
    var before = frame.previousElementSibling;
    var hinted = before !== null && before.classList.contains(HINT);
    if (wide && !hinted) {
      var hint = document.createElement("p");
      hint.className = HINT;
      hint.setAttribute("aria-hidden", "true");
      hint.textContent = "Scroll the table sideways for more columns \u2192";
      frame.parentNode.insertBefore(hint, frame);
      var name = section(frame);
      frame.setAttribute("tabindex", "0");
      frame.setAttribute("role", "region");
      frame.setAttribute("aria-label", (name ? name + ": " : "") + "table, scrolls sideways");
      frame.classList.add("explainer-scrolls");
    } else if (!wide && hinted) {
      before.remove();
      frame.removeAttribute("tabindex");
      frame.removeAttribute("role");
      frame.removeAttribute("aria-label");
      frame.classList.remove("explainer-scrolls");
    }
  }

  function markTables() {
    document.querySelectorAll("article .md-typeset__scrollwrap").forEach(markFrame);
  }

  var pending = false;
  window.addEventListener("resize", function () {
    if (!pending) {
      pending = true;
      window.requestAnimationFrame(function () {
        pending = false;
        markTables();
      });
    }
  });

  function highlightWords(link) {
    var url = new URL(link.href);
    if (url.searchParams.get("h") !== "") {
      return;
    }
    var words = [];
    var item = link.closest(".md-search-result__item");
    item.querySelectorAll("a.md-search-result__link").forEach(function (other) {
      (new URL(other.href).searchParams.get("h") || "").split(/\s+/).forEach(function (word) {
        if (word && words.indexOf(word) < 0) {
          words.push(word);
        }
      });
    });
    if (words.length) {
      url.searchParams.set("h", words.join(" "));
    } else {
      url.searchParams.delete("h");
    }
    link.href = url.toString();
  }

  function fixResults(list) {
    new MutationObserver(function () {
      list.querySelectorAll("a.md-search-result__link").forEach(highlightWords);
    }).observe(list, { childList: true, subtree: true });
  }

  var results = document.querySelector(".md-search-result__list");
  if (results) {
    fixResults(results);
  }
  // Material mounts the page's components (and wraps the tables) on each document$ it emits
  if (window.document$) {
    window.document$.subscribe(markTables);
  } else {
    window.addEventListener("load", markTables);
  }
})();
