/* Chamber picker: turns the plain multiple select of chambers into an ARIA combobox with a list of chosen
   chambers. Without JavaScript the select works as it is. Keyboard: type, Down/Up to move, Enter to add,
   Escape to close; each chosen chamber has a Remove button. */
(function () {
  "use strict";

  var el = window.parliamentTracker.el;

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
    var input = el("input", {"id": id + "-input", "type": "text", "class": "form-control"});
    var list = el("ul", {"id": id + "-listbox", "role": "listbox", "class": "list-group picker-listbox",
                         "aria-label": data.label});
    var status = el("div", {"class": "visually-hidden", "role": "status", "aria-live": "polite"});
    var chosenHeading = el("p", {"id": id + "-chosen", "class": "form-label mt-2 mb-1"}, data.chosenLabel);
    var chosen = el("ul", {"class": "list-unstyled d-flex flex-wrap gap-2", "aria-labelledby": id + "-chosen"});
    box.append(label, input, list, status, chosenHeading, chosen);
    root.insertBefore(box, wrapper);

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

    parliamentTracker.combobox(input, list, {
      url: data.searchUrl,
      noneLabel: data.noneLabel,
      openOnArrow: true,
      enterChoosesFirst: true,
      decorate: function (option, item) {
        if (item.official_name) { option.append(el("span", {"class": "small ms-1"}, "· " + item.official_name)); }
      },
      announce: function (count) { status.textContent = count ? fill(data.countLabel, {n: count}) : data.noneLabel; },
      choose: function (item) {
        item.codes.forEach(function (code) { var o = optionFor(code); if (o) { o.selected = true; } });
        renderChosen();
        status.textContent = fill(data.addedLabel, {label: item.label});
        input.value = "";
      }
    });
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
