'use strict';
// parliament-tracker's plotly.js bundle: only the trace types the coverage dashboards draw.
var Plotly = require('plotly.js/lib/core');
Plotly.register([require('plotly.js/lib/bar'), require('plotly.js/lib/choropleth')]);
module.exports = Plotly;
