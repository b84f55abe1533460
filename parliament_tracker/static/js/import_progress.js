/* Import job progress: polls the job's status and updates the bar and its text; once the job is finished (or has
   failed) the page is loaded again and shows the preview (or the reason). Without JavaScript the page refreshes
   itself every few seconds (a <noscript> refresh), so the same works. */
(function () {
  "use strict";
  var box = document.getElementById("import-job");
  if (!box || ["queued", "running"].indexOf(box.dataset.status) < 0) { return; }
  var bar = box.querySelector("progress");
  var text = box.querySelector("[data-field=text]");

  function poll() {
    fetch(box.dataset.statusUrl, {credentials: "same-origin", headers: {"Accept": "application/json"}})
      .then(function (response) { return response.json(); })
      .then(function (job) {
        if (!job.pending || ["queued", "running"].indexOf(job.status) < 0) { window.location.reload(); return; }
        if (bar && job.read) { bar.value = job.read; }
        if (text && job.status === "running" && job.read) {
          text.textContent = text.textContent.replace(/^[\d,.\s]+/, job.read.toLocaleString() + " ");
        }
        window.setTimeout(poll, 1500);
      })
      .catch(function () { window.setTimeout(poll, 5000); });
  }
  window.setTimeout(poll, 1500);
}());
