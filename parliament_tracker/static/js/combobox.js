/* One type-ahead ARIA combobox over a text input, shared by the chamber picker (activities.js) and the import
   preview's "another chamber" boxes (import_preview.js), so the two keep one keyboard behaviour:
   type to search, Down/Up to move, Enter to choose, Escape to close. */
(function () {
  "use strict";

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) { node.setAttribute(key, attrs[key]); });
    if (text) { node.textContent = text; }
    return node;
  }

  /* options: url (searched with ?q=), choose(item), and optionally keep(item) to drop results, decorate(li, item),
     noneLabel (shown as a disabled option when nothing matches), announce(count), openOnArrow, enterChoosesFirst. */
  function combobox(input, list, options) {
    var items = [];
    var active = -1;
    var timer = null;
    input.setAttribute("role", "combobox");
    input.setAttribute("autocomplete", "off");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", list.id);
    list.hidden = true;

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function highlight(next) {
      var found = list.querySelectorAll("[role=option]:not([aria-disabled])");
      if (!found.length) { return; }
      active = (next + found.length) % found.length;
      found.forEach(function (o, i) {
        o.classList.toggle("active", i === active);
        o.setAttribute("aria-selected", i === active ? "true" : "false");
      });
      input.setAttribute("aria-activedescendant", found[active].id);
      found[active].scrollIntoView({block: "nearest"});
    }

    function choose(i) {
      if (!items[i]) { return; }
      options.choose(items[i]);
      close();
    }

    function show(results) {
      items = options.keep ? results.filter(options.keep) : results;
      list.textContent = "";
      items.forEach(function (item, i) {
        var option = el("li", {"id": list.id + "-option-" + i, "role": "option", "aria-selected": "false",
                               "class": "list-group-item list-group-item-action"}, item.label);
        if (options.decorate) { options.decorate(option, item); }
        option.addEventListener("mousedown", function (event) { event.preventDefault(); choose(i); });
        list.append(option);
      });
      if (!items.length && options.noneLabel) {
        list.append(el("li", {"class": "list-group-item", "role": "option", "aria-disabled": "true",
                              "aria-selected": "false", "id": list.id + "-none"}, options.noneLabel));
      }
      var open = items.length > 0 || Boolean(options.noneLabel);
      list.hidden = !open;
      input.setAttribute("aria-expanded", open ? "true" : "false");
      if (options.announce) { options.announce(items.length); }
      active = -1;
    }

    function search() {
      var q = input.value.trim();
      if (!q) { close(); return; }
      fetch(options.url + "?q=" + encodeURIComponent(q), {headers: {"Accept": "application/json"},
                                                         credentials: "same-origin"})
        .then(function (response) { return response.ok ? response.json() : {results: []}; })
        .then(function (body) { if (input.value.trim() === q) { show(body.results || []); } })
        .catch(close);
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(search, 150);
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown" && (!list.hidden || options.openOnArrow)) {
        event.preventDefault();
        if (list.hidden) { search(); } else { highlight(active + 1); }
      } else if (event.key === "ArrowUp" && !list.hidden) {
        event.preventDefault();
        highlight(active - 1);
      } else if (event.key === "Enter" && !list.hidden && (active >= 0 || options.enterChoosesFirst)) {
        event.preventDefault();
        choose(active >= 0 ? active : 0);
      } else if (event.key === "Escape") {
        close();
      }
    });
    input.addEventListener("blur", function () { setTimeout(close, 150); });
    return {close: close};
  }

  window.parliamentTracker = {el: el, combobox: combobox};
}());
