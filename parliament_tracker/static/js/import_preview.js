/* Import preview: answering a value (or excluding rows) updates the page in place instead of reloading it, and
   the "another chamber" boxes search the registry as the person types. Without JavaScript every form posts and
   the server redirects back to the preview, so the same works as plain forms. */
(function () {
  "use strict";

  var main = document.getElementById("main");
  var live = document.createElement("div");
  live.className = "visually-hidden";
  live.setAttribute("role", "status");
  live.setAttribute("aria-live", "polite");
  document.body.append(live);

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) { node.setAttribute(key, attrs[key]); });
    if (text) { node.textContent = text; }
    return node;
  }

  /* After an answer, keyboard focus goes to the next value still waiting, else to the message just shown. */
  function focusNext(previousIndex) {
    var choices = main.querySelectorAll("form.import-choice select");
    var message = main.querySelector(".alert");
    if (message) { live.textContent = message.textContent.trim(); }
    var target = choices[Math.min(previousIndex, choices.length - 1)];
    if (target) { target.focus(); return; }
    var heading = main.querySelector("h1");
    if (message) { message.setAttribute("tabindex", "-1"); message.focus(); } else if (heading) { heading.focus(); }
  }

  function submitInPlace(form, event) {
    event.preventDefault();
    var all = Array.prototype.slice.call(main.querySelectorAll("form.import-choice"));
    var index = Math.max(all.indexOf(form), 0);
    var button = form.querySelector("[type=submit]");
    if (button) { button.disabled = true; }
    main.setAttribute("aria-busy", "true");
    fetch(form.action, {method: "POST", body: new FormData(form), credentials: "same-origin",
                        headers: {"Accept": "text/html"}})
      .then(function (response) {
        return response.text().then(function (text) { return {url: response.url, text: text}; });
      })
      .then(function (result) {
        var fresh = new DOMParser().parseFromString(result.text, "text/html").getElementById("main");
        if (!fresh || !fresh.querySelector("#import-preview")) { window.location.assign(result.url); return; }
        main.innerHTML = fresh.innerHTML;
        main.removeAttribute("aria-busy");
        enhance(main);
        focusNext(index);
      })
      .catch(function () { form.submit(); });
  }

  function setupSearch(input, index) {
    var id = "chamber-search-" + index;
    var list = el("ul", {"id": id + "-listbox", "role": "listbox", "class": "list-group picker-listbox",
                         "aria-label": input.labels.length ? input.labels[0].textContent : ""});
    list.hidden = true;
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", list.id);
    input.parentNode.classList.add("position-relative");
    input.after(list);
    var items = [];
    var active = -1;
    var timer = null;

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
    }

    function choose(i) {
      if (!items[i]) { return; }
      input.value = items[i].code;
      live.textContent = items[i].label;
      close();
    }

    function show(results) {
      items = results.filter(function (item) { return item.code; });  /* one chamber, never "both" */
      list.textContent = "";
      items.forEach(function (item, i) {
        var option = el("li", {"id": id + "-option-" + i, "role": "option", "aria-selected": "false",
                               "class": "list-group-item list-group-item-action"}, item.label);
        option.addEventListener("mousedown", function (event) { event.preventDefault(); choose(i); });
        list.append(option);
      });
      list.hidden = !items.length;
      input.setAttribute("aria-expanded", items.length ? "true" : "false");
      active = -1;
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var q = input.value.trim();
        if (!q) { close(); return; }
        fetch(input.dataset.chamberSearch + "?q=" + encodeURIComponent(q),
              {headers: {"Accept": "application/json"}, credentials: "same-origin"})
          .then(function (response) { return response.ok ? response.json() : {results: []}; })
          .then(function (body) { if (input.value.trim() === q) { show(body.results || []); } })
          .catch(close);
      }, 150);
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown" && !list.hidden) {
        event.preventDefault();
        highlight(active + 1);
      } else if (event.key === "ArrowUp" && !list.hidden) {
        event.preventDefault();
        highlight(active - 1);
      } else if (event.key === "Enter" && !list.hidden && active >= 0) {
        event.preventDefault();
        choose(active);
      } else if (event.key === "Escape") {
        close();
      }
    });
    input.addEventListener("blur", function () { setTimeout(close, 150); });
  }

  var searches = 0;
  function enhance(root) {
    root.querySelectorAll("form[data-inplace]").forEach(function (form) {
      form.addEventListener("submit", function (event) { submitInPlace(form, event); });
    });
    root.querySelectorAll("input[data-chamber-search]").forEach(function (input) {
      setupSearch(input, searches);
      searches += 1;
    });
  }

  if (main) { enhance(main); }
}());
