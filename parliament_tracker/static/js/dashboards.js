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
  // the mode bar's button titles in the page's language (templates/_plotly_locale.html)
  var words = document.getElementById('plotly-locale');
  if (words && words.getAttribute('data-locale') !== 'en') {
    var code = words.getAttribute('data-locale');
    config.locale = code;
    config.locales = {};
    config.locales[code] = { dictionary: JSON.parse(words.getAttribute('data-words')) };
  }
  // On a narrow screen a world map is short (it is twice as wide as tall): its height follows its width and
  // its colour scale goes underneath, so the map uses the whole width.
  function fitNarrow(target, figure) {
    var width = target.clientWidth;
    if (!width || width >= 600) { return; }
    var axis = figure.layout.xaxis;
    // the labels beside the bars keep their size: give them more of a narrow axis
    if (axis && axis.range && figure.data.some(function (t) { return t.mode === 'text'; })) {
      axis.range = [axis.range[0], axis.range[1] * 1.6];
    }
    if (!figure.layout.geo) { return; }
    figure.layout.height = Math.max(220, Math.round(width * 0.62));
    figure.data.forEach(function (trace) {
      if (trace.colorbar) {
        trace.colorbar.orientation = 'h';
        trace.colorbar.y = -0.05;
        trace.colorbar.yanchor = 'top';
        trace.colorbar.len = 0.9;
        trace.colorbar.title = { text: trace.colorbar.title.text, side: 'top' };
      }
    });
    figure.layout.margin = { l: 0, r: 0, t: 0, b: 60 };
  }
  document.querySelectorAll('script.coverage-figure').forEach(function (node) {
    var target = document.getElementById(node.getAttribute('data-target'));
    if (!target) { return; }
    var figure = JSON.parse(node.textContent);
    fitNarrow(target, figure);
    // Axis and hover numbers in the page's locale (the labels and tables already are): "1 234,5" in French.
    var separators = document.documentElement.getAttribute('data-separators');
    if (separators && separators.length === 2) { figure.layout.separators = separators; }
    // A map is first drawn from the light 110m world (137 KB, 3 times less than the 50m one): the finer geometry
    // is fetched only when the reader zooms in.
    var geo = figure.layout && figure.layout.geo;
    var fine = geo ? (geo.resolution || 50) : null;
    if (geo) { geo.resolution = 110; }
    var preview = target.querySelector('.map-preview'); // map_preview.js's first drawing, replaced now
    if (preview) { preview.remove(); }
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
