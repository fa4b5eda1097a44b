// As-you-type suggestions for the header search box. Loaded only when a visitor focuses the box
// (SearchBox.astro imports it on focus), it downloads the compact index once and shows the best
// matches under the box; the form itself is a plain GET to /search and works without it.
import type { CompactIndex } from '../../functions/search/compact-index'
import { type CompactHit, searchCompact } from '../../functions/search/match-compact'

const indexes = new Map<string, Promise<CompactIndex | null>>()

function loadIndex(url: string): Promise<CompactIndex | null> {
  let pending = indexes.get(url)
  if (!pending) {
    // A failed download leaves the plain form working; suggestions simply do not appear.
    pending = fetch(url)
      .then((response) => (response.ok ? (response.json() as Promise<CompactIndex>) : null))
      .catch(() => null)
    indexes.set(url, pending)
  }
  return pending
}

function titleWithMarks(hit: CompactHit): Node[] {
  const nodes: Node[] = []
  let at = 0
  for (const [start, end] of hit.marks) {
    if (start < at || end > hit.title.length) continue
    nodes.push(document.createTextNode(hit.title.slice(at, start)))
    const mark = document.createElement('mark')
    mark.textContent = hit.title.slice(start, end)
    nodes.push(mark)
    at = end
  }
  nodes.push(document.createTextNode(hit.title.slice(at)))
  return nodes
}

function enhance(form: HTMLFormElement): void {
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')
  const list = form.querySelector<HTMLUListElement>('[data-suggestions]')
  if (!input || !list || form.dataset.enhanced) return
  form.dataset.enhanced = 'true'
  let index: CompactIndex | null = null

  const render = () => {
    const hits = index ? searchCompact(index, input.value) : []
    list.replaceChildren(
      ...hits.map((hit) => {
        const item = document.createElement('li')
        const link = document.createElement('a')
        link.href = hit.url
        link.append(...titleWithMarks(hit))
        item.append(link)
        return item
      }),
    )
    list.hidden = hits.length === 0
    input.setAttribute('aria-expanded', String(hits.length > 0))
  }

  input.addEventListener('input', render)
  form.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      list.hidden = true
      input.setAttribute('aria-expanded', 'false')
      input.focus()
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      const links = [...list.querySelectorAll('a')]
      if (list.hidden || links.length === 0) return
      event.preventDefault()
      const current = links.indexOf(document.activeElement as HTMLAnchorElement)
      const next = event.key === 'ArrowDown' ? Math.min(current + 1, links.length - 1) : current - 1
      ;(next < 0 ? input : links[next]!).focus()
    }
  })
  void loadIndex(form.dataset.index ?? '').then((loaded) => {
    index = loaded
    render()
  })
}

for (const form of document.querySelectorAll<HTMLFormElement>('form[data-search-box]')) enhance(form)
