// With JavaScript on, lead forms submit without a reload and show the server's messages inline.
// The form works without this script; anything unexpected falls back to the plain POST.

function showErrors(form: HTMLFormElement, errors: Record<string, string>): void {
  for (const old of form.querySelectorAll('.error, .summary')) old.remove()
  for (const input of form.querySelectorAll('[aria-invalid]')) input.removeAttribute('aria-invalid')
  for (const [name, message] of Object.entries(errors)) {
    const field = form.querySelector<HTMLElement>(`[data-field="${CSS.escape(name)}"]`)
    if (!field) continue
    const error = document.createElement('p')
    error.className = 'error'
    error.id = `${form.id}-${name}-error`
    error.textContent = message
    field.append(error)
    const input = field.querySelector('input, select, textarea')
    input?.setAttribute('aria-invalid', 'true')
    input?.setAttribute('aria-describedby', error.id)
  }
  form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus()
}

function fields(form: HTMLFormElement): Record<string, string | string[]> {
  const data: Record<string, string | string[]> = {}
  new FormData(form).forEach((value, key) => {
    if (typeof value !== 'string') return
    const existing = data[key]
    data[key] = existing === undefined ? value : ([] as string[]).concat(existing, value)
  })
  return data
}

for (const form of document.querySelectorAll<HTMLFormElement>('form.lead-form')) {
  form.addEventListener('submit', async (event) => {
    event.preventDefault()
    const id = form.querySelector<HTMLInputElement>('[name="_form"]')?.value
    const button = form.querySelector<HTMLButtonElement>('[type="submit"]')
    if (button) button.disabled = true
    try {
      // A form with a file goes as multipart (the browser sets the boundary); any other as JSON.
      const withFile = form.querySelector('input[type="file"]') !== null
      const response = await fetch(
        `/api/forms/${encodeURIComponent(id ?? '')}?locale=${encodeURIComponent(document.documentElement.lang)}`,
        {
          method: 'POST',
          ...(withFile
            ? { body: new FormData(form) }
            : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(fields(form)) }),
        },
      )
      const body = await response.json()
      if (response.status === 201) {
        if (body.redirect) return location.assign(body.redirect)
        const done = document.createElement('p')
        done.className = 'success'
        done.setAttribute('role', 'status')
        done.textContent = body.message ?? ''
        // A content offer: the link to the PDF at once (it is emailed too).
        if (typeof body.download === 'string' && body.download.startsWith('/download/')) {
          const link = document.createElement('a')
          link.href = body.download
          link.className = 'download'
          link.dataset.download = ''
          link.textContent = document.documentElement.lang.startsWith('zh') ? '下载 PDF' : 'Download the PDF'
          done.append(' ', link)
        }
        form.replaceWith(done)
      } else if (response.status === 422) {
        showErrors(form, body.errors ?? {})
      } else {
        form.submit()
      }
    } catch {
      // A network or parsing failure: let the browser post the form the plain way.
      form.submit()
    } finally {
      if (button) button.disabled = false
    }
  })
}
