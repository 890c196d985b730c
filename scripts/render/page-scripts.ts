/**
 * The inline scripts of the dashboard and review pages: progressive enhancement only. Without them
 * every row is shown in build order and the controls stay hidden. They are constant texts, so a
 * Content-Security-Policy allows them by hash; they read the page's own markup and set no HTML.
 */

/** Shows `#controls`; `count(shown)` writes "N of M shown" from `#shown`'s `data-template`. */
const common = `
  document.getElementById('controls').hidden = false
  const counter = document.getElementById('shown')
  const count = (shown) => { counter.textContent = counter.dataset.template.replace('{shown}', String(shown)) }`

/**
 * `dist/status.html`: the filter box hides rows whose `data-filter` lacks a typed word; a header with
 * `data-sort` (`text` or `number`) becomes a button that sorts by its column's `data-value`, ascending
 * then descending, with `aria-sort` on the header.
 */
export const dashboardScript = `(() => {${common}
  const table = document.querySelector('table.tool')
  const body = table.tBodies[0]
  const rows = Array.from(body.rows)
  const order = new Map(rows.map((row, index) => [row, index]))
  const input = document.getElementById('filter')
  const filter = () => {
    const words = input.value.toLowerCase().split(/\\s+/).filter(Boolean)
    let shown = 0
    for (const row of rows) {
      row.hidden = !words.every((word) => row.dataset.filter.includes(word))
      if (!row.hidden) shown++
    }
    count(shown)
  }
  input.addEventListener('input', filter)
  const headers = Array.from(table.tHead.rows[0].cells)
  headers.forEach((header, column) => {
    const kind = header.dataset.sort
    if (!kind) return
    const button = document.createElement('button')
    button.type = 'button'
    button.append(...header.childNodes)
    header.append(button)
    button.addEventListener('click', () => {
      const direction = header.getAttribute('aria-sort') === 'ascending' ? -1 : 1
      for (const other of headers) other.removeAttribute('aria-sort')
      header.setAttribute('aria-sort', direction === 1 ? 'ascending' : 'descending')
      const value = (row) => row.cells[column].dataset.value
      const compare = kind === 'number' ? (a, b) => Number(value(a)) - Number(value(b)) : (a, b) => value(a).localeCompare(value(b))
      body.append(...rows.slice().sort((a, b) => direction * compare(a, b) || order.get(a) - order.get(b)))
    })
  })
  filter()
})()`

/** `dist/<lang>/<doc>.review.html`: the checkbox shows only rows with `data-work`. */
export const reviewScript = `(() => {${common}
  const box = document.getElementById('only-work')
  const rows = Array.from(document.querySelectorAll('table.tool > tbody > tr'))
  const apply = () => {
    let shown = 0
    for (const row of rows) {
      row.hidden = box.checked && !row.hasAttribute('data-work')
      if (!row.hidden) shown++
    }
    count(shown)
  }
  box.addEventListener('change', apply)
  apply()
})()`
