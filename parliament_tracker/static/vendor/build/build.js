const esbuild = require('esbuild');
const { environmentPlugin } = require('esbuild-plugin-environment');
const InlineCSSPlugin = require('esbuild-plugin-inline-css');
esbuild.build({
  entryPoints: ['./entry.js'], outfile: './out/plotly-coverage.min.js', format: 'iife', globalName: 'Plotly',
  bundle: true, minify: true, sourcemap: false, legalComments: 'none',
  plugins: [InlineCSSPlugin(), environmentPlugin({ NODE_DEBUG: false })],
  alias: { regl: '@plotly/regl', stream: 'stream-browserify' },
  define: { global: 'window', 'define.amd': 'false' }, target: 'es2016', logLevel: 'info',
  footer: { js: 'window.Plotly = Plotly;' },
}).catch(() => process.exit(1));
