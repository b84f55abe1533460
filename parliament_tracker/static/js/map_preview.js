/* The dashboard's world map, drawn first as a plain SVG from the light 110m geometry (40 KB gzipped) and the
   figure's own numbers, before plotly.js (490 KB gzipped) arrives: on a slow link the map is readable seconds
   earlier. Then plotly.js and dashboards.js are loaded, in that order, and the interactive map replaces this one.
   The colours follow the figure's colour scale; the projection is plotly's "natural earth". No other origin. */
(function () {
  'use strict';
  var holder = document.getElementById('plotly-config');
  if (!holder) { return; }

  function loadCharts() {
    ['data-plotly-src', 'data-charts-src'].forEach(function (name) {
      var script = document.createElement('script');
      script.src = holder.getAttribute(name);
      script.async = false; // in order: plotly.js before the code that draws with it
      document.body.appendChild(script);
    });
  }

  function hex(colour) {
    var n = parseInt(colour.slice(1), 16);
    return [n >> 16, (n >> 8) & 255, n & 255];
  }

  function colourOf(scale, t) {
    for (var i = 1; i < scale.length; i++) {
      if (t <= scale[i][0]) {
        var a = hex(scale[i - 1][1]), b = hex(scale[i][1]);
        var f = (t - scale[i - 1][0]) / ((scale[i][0] - scale[i - 1][0]) || 1);
        return 'rgb(' + a.map(function (v, k) { return Math.round(v + (b[k] - v) * f); }).join(',') + ')';
      }
    }
    return scale[scale.length - 1][1];
  }

  // d3's geoNaturalEarth1 (the projection plotly draws), longitude and latitude in degrees
  function project(lon, lat) {
    var l = lon * Math.PI / 180, p = lat * Math.PI / 180, p2 = p * p, p4 = p2 * p2;
    return [l * (0.8707 - 0.131979 * p2 + p4 * (-0.013791 + p4 * (0.003971 * p2 - 0.001529 * p4))),
      -p * (1.007226 + p2 * (0.015085 + p4 * (-0.044475 + 0.028874 * p2 - 0.005916 * p4)))];
  }

  function decodedArcs(topology) {
    var scale = topology.transform.scale, move = topology.transform.translate;
    return topology.arcs.map(function (arc) {
      var x = 0, y = 0;
      return arc.map(function (delta) {
        x += delta[0];
        y += delta[1];
        return project(x * scale[0] + move[0], y * scale[1] + move[1]);
      });
    });
  }

  function ringPath(ring, arcs) {
    var points = [];
    ring.forEach(function (index) {
      var arc = index < 0 ? arcs[~index].slice().reverse() : arcs[index];
      points = points.concat(points.length ? arc.slice(1) : arc);
    });
    return 'M' + points.map(function (pt) { return pt[0].toFixed(3) + ',' + pt[1].toFixed(3); }).join('L') + 'Z';
  }

  function draw(target, figure, topology) {
    var trace = figure.data.filter(function (t) { return t.visible !== false; })[0] || figure.data[0];
    var values = {};
    trace.locations.forEach(function (iso3, i) { values[iso3] = trace.z[i]; });
    var arcs = decodedArcs(topology);
    var svgNS = 'http://www.w3.org/2000/svg';
    var svg = document.createElementNS(svgNS, 'svg');
    // the latitudes plotly shows (-58 to 85), the whole width of the world
    var top = project(0, 85)[1], bottom = project(0, -58)[1], side = project(180, 0)[0];
    svg.setAttribute('viewBox', [-side, top, 2 * side, bottom - top].join(' '));
    svg.setAttribute('class', 'map-preview');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    topology.objects.countries.geometries.forEach(function (country) {
      var polygons = country.type === 'Polygon' ? [country.arcs] : country.arcs;
      var d = polygons.map(function (rings) { return rings.map(function (r) { return ringPath(r, arcs); }).join(''); });
      var path = document.createElementNS(svgNS, 'path');
      var z = values[country.id];
      var span = (trace.zmax - trace.zmin) || 1;
      path.setAttribute('d', d.join(''));
      path.setAttribute('fill', z === undefined || z === null ? '#eeeeee'
        : colourOf(trace.colorscale, Math.min(1, Math.max(0, (z - trace.zmin) / span))));
      path.setAttribute('fill-rule', 'evenodd');
      path.setAttribute('stroke', '#ffffff');
      path.setAttribute('stroke-width', '0.002');
      svg.appendChild(path);
    });
    target.appendChild(svg);
    target.setAttribute('data-preview', 'true');
  }

  var node = document.querySelector('script.coverage-figure[data-target="chart-map"]');
  var target = document.getElementById('chart-map');
  if (!node || !target || !window.fetch) { loadCharts(); return; }
  var figure = JSON.parse(node.textContent);
  if (figure.layout && figure.layout.geo && figure.layout.geo.fitbounds) { loadCharts(); return; } // a region: zoomed
  fetch(holder.getAttribute('data-topojson-url') + 'world_110m.json')
    .then(function (answer) { return answer.ok ? answer.json() : null; })
    .then(function (topology) { if (topology) { draw(target, figure, topology); } })
    .catch(function () { /* the interactive map still comes */ })
    .then(loadCharts);
}());
