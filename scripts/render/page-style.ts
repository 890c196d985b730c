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
