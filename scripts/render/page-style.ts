/**
 * The one stylesheet of generated pages: readable measure, system fonts, logical properties so
 * right-to-left pages mirror, marked fallback and outdated passages, and a clean print.
 */
export const pageStyle = `
:root{color-scheme:light dark;--fg:#1b1b1b;--bg:#fdfdfb;--muted:#5c5c5c;--line:#d6d3cc;--note:#fff6db;--accent:#8a1c1c}
@media (prefers-color-scheme:dark){:root{--fg:#e8e6e1;--bg:#181816;--muted:#a7a39a;--line:#3d3b36;--note:#332c14;--accent:#f08f80}}
*{box-sizing:border-box}
html{font-size:112.5%}
body{margin:0;color:var(--fg);background:var(--bg);font-family:Georgia,"Noto Serif","Vazirmatn","Noto Naskh Arabic","Noto Serif CJK SC","Songti SC",serif;line-height:1.6}
:lang(zh),:lang(ja){line-height:1.8}
:lang(fa),:lang(ar){line-height:1.9}
nav{border-block-end:1px solid var(--line);padding:.5rem 1rem;font-family:system-ui,sans-serif;font-size:.85rem}
nav ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1rem}
nav a{color:var(--accent)}
nav a[aria-current]{color:var(--fg);font-weight:bold;text-decoration:none}
main{max-width:38rem;margin:0 auto;padding:1.5rem 1rem 4rem}
h1{font-size:1.6rem;line-height:1.25}
a{color:var(--accent)}
blockquote{margin-inline:0;padding-inline-start:1rem;border-inline-start:3px solid var(--line)}
table{border-collapse:collapse}
th,td{border:1px solid var(--line);padding:.25rem .5rem;text-align:start}
pre{overflow-x:auto;direction:ltr;text-align:left}
img{max-width:100%}
.notice{background:var(--note);border-inline-start:4px solid var(--accent);padding:.5rem .75rem;margin-block-end:1rem;font-family:system-ui,sans-serif;font-size:.9rem}
.fallback{border-inline-start:3px dashed var(--line);padding-inline-start:.75rem;color:var(--muted)}
.outdated{border-inline-start:3px dotted var(--accent);padding-inline-start:.75rem}
.coverage{color:var(--muted);font-size:.9rem}
@media print{nav,.notice{display:none}body{background:#fff;color:#000}main{max-width:none;padding:0}a{color:inherit}.fallback,.outdated{border:0;padding:0;color:inherit}}
`.trim()

/**
 * Rules added for the dashboard and review pages: a wide table with a sticky header, state colors
 * (always beside the state's name, never alone), coverage bars, word diffs and findings.
 */
export const toolStyle = `
:root{--translated:#2e7d32;--needs-review:#b26a00;--stale:#c62828;--missing:#9e9e9e;--ins:#d8f5d0;--del:#fde0dc}
@media (prefers-color-scheme:dark){:root{--translated:#66bb6a;--needs-review:#ffb74d;--stale:#ef9a9a;--missing:#757575;--ins:#1e3d1a;--del:#4a1f1b}}
body{font-family:system-ui,sans-serif;font-size:.85rem;line-height:1.45}
main{max-width:none;padding:1rem}
.controls{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;margin-block:.75rem}
.controls input[type=search]{font:inherit;padding:.25rem .5rem;min-width:16rem}
table.tool{width:100%}
table.tool thead th{position:sticky;top:0;z-index:1;background:var(--bg);vertical-align:bottom;box-shadow:0 1px 0 var(--line)}
table.tool tbody th{font-weight:normal;vertical-align:top}
table.tool td{vertical-align:top}
table.tool thead th button{font:inherit;font-weight:bold;background:none;border:0;padding:0;color:inherit;cursor:pointer;text-align:start}
table.tool th[aria-sort=ascending] button::after{content:" ▲"}
table.tool th[aria-sort=descending] button::after{content:" ▼"}
:focus-visible{outline:2px solid var(--accent);outline-offset:2px}
.num{text-align:end;font-variant-numeric:tabular-nums}
.nowrap{white-space:nowrap}
.coverage-cell{display:flex;gap:.5rem;align-items:center;white-space:nowrap}
svg.bar{display:block;flex:none;width:6rem;height:.75rem;border:1px solid var(--line)}
.bar-translated{fill:var(--translated)}.bar-needs-review{fill:var(--needs-review)}.bar-stale{fill:var(--stale)}.bar-missing{fill:var(--missing)}
.state{display:inline-block;border-inline-start:.6rem solid var(--missing);padding-inline-start:.35rem;font-weight:bold;white-space:nowrap}
.state-translated{border-color:var(--translated)}.state-needs-review{border-color:var(--needs-review)}.state-stale{border-color:var(--stale)}
tr.state-stale>td:first-child,tr.state-needs-review>td:first-child,tr.state-missing>td:first-child{background:var(--note)}
.text{white-space:pre-wrap;overflow-wrap:anywhere}
.id{color:var(--muted);font-size:.8rem}
.diff{margin-block-start:.5rem;padding:.35rem .5rem;border:1px dashed var(--line)}
ins{background:var(--ins);text-decoration:underline}
del{background:var(--del);text-decoration:line-through}
.findings{margin:.35rem 0 0;padding-inline-start:1.1rem}
.severity-error{color:var(--stale);font-weight:bold}
[hidden]{display:none!important}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
`.trim()
