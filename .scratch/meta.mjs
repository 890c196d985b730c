import {build} from 'esbuild'
const r = await build({entryPoints: {interlinear: 'scripts/bin.ts', 'build-worker': 'scripts/commands/build-worker.ts'}, outdir: '/tmp/metaout', entryNames: '[name]', chunkNames: 'chunks/[name]-[hash]', outExtension: {'.js': '.mjs'}, splitting: true, bundle: true, minify: true, platform: 'node', format: 'esm', target: 'node20', metafile: true, logLevel: 'error', define: {__INTERLINEAR_CODE__: '"x"'}, external: ['js-yaml']})
for (const [out, info] of Object.entries(r.metafile.outputs)) {
  if (info.bytes < 100000) continue
  const byPkg = {}
  for (const [input, v] of Object.entries(info.inputs)) { const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input); const k = m ? m[1] : 'own'; byPkg[k] = (byPkg[k] ?? 0) + v.bytesInOutput }
  console.log(out, info.bytes, Object.entries(byPkg).sort((a, b) => b[1] - a[1]).slice(0, 14).map(([k, v]) => `${k}:${(v / 1024).toFixed(0)}K`).join(' '))
}
