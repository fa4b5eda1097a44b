'use client'
import { useDocumentInfo } from '@payloadcms/ui'

const SIZES = [256, 512, 1024, 2048]

/** The campaign link's QR code in the edit view, with downloads for screens and print. */
export function CampaignLinkQr() {
  const { id } = useDocumentInfo()
  if (!id) return <p style={{ fontSize: 13 }}>Save the link to get its QR code.</p>
  const base = `/api/campaign-links/${id}/qr`
  return (
    <div style={{ marginBottom: 24 }}>
      <img src={`${base}?format=svg`} alt="QR code" width={180} height={180} style={{ display: 'block', background: '#fff' }} />
      <p style={{ fontSize: 13, margin: '8px 0 4px' }}>
        <a href={`${base}?format=svg&download=1`}>SVG</a>
        {SIZES.map((size) => (
          <span key={size}>
            {' · '}
            <a href={`${base}?format=png&size=${size}&download=1`}>PNG {size}px</a>
          </span>
        ))}
      </p>
    </div>
  )
}
