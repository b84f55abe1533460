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
    window.Plotly.newPlot(target, figure.data, figure.layout, config).then(function () {
      target.setAttribute('data-drawn', 'true');
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
