/* Chamber picker: turns the plain multiple select of chambers into an ARIA combobox with a list of chosen
   chambers. Without JavaScript the select works as it is. Keyboard: type, Down/Up to move, Enter to add,
   Escape to close; each chosen chamber has a Remove button. */
(function () {
  "use strict";

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) { node.setAttribute(key, attrs[key]); });
    if (text) { node.textContent = text; }
    return node;
  }

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, key) { return values[key]; });
  }

  function setup(root, index) {
    var select = root.querySelector("select");
    if (!select) { return; }
    var data = root.dataset;
    var id = "chamber-picker-" + index;
    var wrapper = select.closest(".mb-3") || select;
    wrapper.hidden = true;

    var box = el("div", {"class": "mb-3 position-relative"});
    var label = el("label", {"for": id + "-input", "class": "form-label"}, data.label);
    var input = el("input", {
      "id": id + "-input", "type": "text", "class": "form-control", "role": "combobox", "autocomplete": "off",
      "aria-autocomplete": "list", "aria-expanded": "false", "aria-controls": id + "-listbox"
    });
    var list = el("ul", {"id": id + "-listbox", "role": "listbox", "class": "list-group picker-listbox",
                         "aria-label": data.label});
    list.hidden = true;
    var status = el("div", {"class": "visually-hidden", "role": "status", "aria-live": "polite"});
    var chosenHeading = el("p", {"id": id + "-chosen", "class": "form-label mt-2 mb-1"}, data.chosenLabel);
    var chosen = el("ul", {"class": "list-unstyled d-flex flex-wrap gap-2", "aria-labelledby": id + "-chosen"});
    box.append(label, input, list, status, chosenHeading, chosen);
    root.insertBefore(box, wrapper);

    var items = [];
    var active = -1;
    var timer = null;

    function optionFor(code) {
      return Array.prototype.find.call(select.options, function (o) { return o.value === code; });
    }

    function renderChosen() {
      chosen.textContent = "";
      var picked = Array.prototype.filter.call(select.options, function (o) { return o.selected; });
      if (!picked.length) { chosen.append(el("li", {"class": "text-body-secondary"}, data.emptyLabel)); }
      picked.forEach(function (option) {
        var item = el("li", {"class": "badge text-bg-light border d-flex align-items-center gap-1 fs-6 fw-normal"});
        item.append(document.createTextNode(option.textContent));
        var remove = el("button", {"type": "button", "class": "btn btn-sm btn-link p-0",
                                   "aria-label": data.removeLabel + " " + option.textContent}, "×");
        remove.addEventListener("click", function () {
          option.selected = false;
          renderChosen();
          input.focus();
        });
        item.append(remove);
        chosen.append(item);
      });
    }

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function highlight(next) {
      var options = list.querySelectorAll("[role=option]");
      if (!options.length) { return; }
      active = (next + options.length) % options.length;
      options.forEach(function (o, i) {
        o.classList.toggle("active", i === active);
        o.setAttribute("aria-selected", i === active ? "true" : "false");
      });
      input.setAttribute("aria-activedescendant", options[active].id);
      options[active].scrollIntoView({block: "nearest"});
    }

    function choose(i) {
      var item = items[i];
      if (!item) { return; }
      item.codes.forEach(function (code) { var o = optionFor(code); if (o) { o.selected = true; } });
      renderChosen();
      status.textContent = fill(data.addedLabel, {label: item.label});
      input.value = "";
      close();
    }

    function show(results) {
      items = results;
      list.textContent = "";
      results.forEach(function (item, i) {
        var option = el("li", {"id": id + "-option-" + i, "role": "option", "aria-selected": "false",
                               "class": "list-group-item list-group-item-action"}, item.label);
        if (item.official_name) { option.append(el("span", {"class": "small ms-1"}, "· " + item.official_name)); }
        option.addEventListener("mousedown", function (event) { event.preventDefault(); choose(i); });
        list.append(option);
      });
      if (!results.length) {
        list.append(el("li", {"class": "list-group-item", "role": "option", "aria-disabled": "true",
                              "aria-selected": "false", "id": id + "-none"}, data.noneLabel));
      }
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
      status.textContent = results.length ? fill(data.countLabel, {n: results.length}) : data.noneLabel;
      active = -1;
    }

    function search() {
      var q = input.value.trim();
      if (!q) { close(); return; }
      fetch(data.searchUrl + "?q=" + encodeURIComponent(q), {headers: {"Accept": "application/json"},
                                                            credentials: "same-origin"})
        .then(function (response) { return response.ok ? response.json() : {results: []}; })
        .then(function (body) { if (input.value.trim() === q) { show(body.results || []); } })
        .catch(function () { close(); });
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(search, 150);
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown") {
        event.preventDefault();
        if (list.hidden) { search(); } else { highlight(active + 1); }
      } else if (event.key === "ArrowUp") {
        event.preventDefault();
        highlight(active - 1);
      } else if (event.key === "Enter") {
        if (!list.hidden) {
          event.preventDefault();
          choose(active >= 0 ? active : 0);
        }
      } else if (event.key === "Escape") {
        close();
      }
    });
    input.addEventListener("blur", function () { setTimeout(close, 150); });
    renderChosen();
  }

  document.querySelectorAll(".chamber-picker").forEach(setup);

  /* After a failed save, focus goes to the error summary; a link to a field the picker replaced focuses the
     picker's search box instead of the hidden select. */
  var summary = document.querySelector("[data-error-summary]");
  if (summary) {
    summary.focus();
    summary.querySelectorAll("a[href^='#']").forEach(function (link) {
      link.addEventListener("click", function (event) {
        var target = document.getElementById(link.getAttribute("href").slice(1));
        var picker = target && target.closest(".chamber-picker");
        var box = picker && picker.querySelector("[role=combobox]");
        if (box) { event.preventDefault(); box.focus(); return; }
        if (target) { event.preventDefault(); target.focus(); }
      });
    });
  }

  /* Import page: say that the file is being read while the upload and the check run. */
  document.querySelectorAll("form[data-progress]").forEach(function (form) {
    form.addEventListener("submit", function () {
      var target = document.getElementById(form.dataset.progress);
      if (target) { target.hidden = false; }
      var button = form.querySelector("[type=submit]");
      if (button) { button.disabled = true; }
    });
  });
}());
