/* Draws the coverage figures from the JSON the page carries, and switches the map's measure. No other origin. */
(function () {
  'use strict';
  if (!window.Plotly) { return; }
  var holder = document.getElementById('plotly-config');
  var config = {
    responsive: true,
    displaylogo: false,
    modeBarButtonsToRemove: ['select2d', 'lasso2d', 'toImage'],
    topojsonURL: holder ? holder.getAttribute('data-topojson-url') : undefined
  };
  document.querySelectorAll('script.coverage-figure').forEach(function (node) {
    var target = document.getElementById(node.getAttribute('data-target'));
    if (!target) { return; }
    var figure = JSON.parse(node.textContent);
    // A map is first drawn from the light 110m world (137 KB, 3 times less than the 50m one): the finer geometry
    // is fetched only when the reader zooms in.
    var geo = figure.layout && figure.layout.geo;
    var fine = geo ? (geo.resolution || 50) : null;
    if (geo) { geo.resolution = 110; }
    window.Plotly.newPlot(target, figure.data, figure.layout, config).then(function () {
      target.setAttribute('data-drawn', 'true');
      if (!geo || fine === 110) { return; }
      var refined = false;
      target.on('plotly_relayout', function (change) {
        var zoomed = Object.keys(change).some(function (key) { return key.indexOf('projection.scale') !== -1; });
        if (zoomed && !refined) {
          refined = true;
          window.Plotly.relayout(target, { 'geo.resolution': fine });
        }
      });
    });
  });
  document.querySelectorAll('input[name="map-mode"]').forEach(function (input) {
    input.addEventListener('change', function () {
      var map = document.getElementById('chart-map');
      var shown = Number(input.value);
      if (map && input.checked) { window.Plotly.restyle(map, { visible: [shown === 0, shown === 1] }); }
    });
  });
}());
