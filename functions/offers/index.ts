export {
  checkDownloadToken,
  DOWNLOAD_TTL_MS,
  type DownloadCheck,
  type DownloadGrant,
  downloadPath,
  downloadUrl,
  signDownloadToken,
} from './download-token'
export { renderDownloadEmail } from './email'
export { isPdf, PDF_PROBE_BYTES, writeSimplePdf } from './pdf'
