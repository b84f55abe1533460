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

  var el = window.parliamentTracker.el;

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
    input.parentNode.classList.add("position-relative");
    input.after(list);
    parliamentTracker.combobox(input, list, {
      url: input.dataset.chamberSearch,
      keep: function (item) { return item.code; },  /* one chamber, never "both" */
      choose: function (item) {
        input.value = item.code;
        live.textContent = item.label;
      }
    });
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
