export { CODE_ALPHABET, generateCode, GENERATED_CODE_LENGTH, isValidCode, normalizeCode, RESERVED_CODES } from './codes'
export { contrastRatio, hexColor, MIN_QR_CONTRAST } from './colors'
export { LinkError, type LinkErrorField, QrError } from './errors'
export {
  LOGO_SHARE,
  MAX_MARGIN,
  PRINT_SIZES,
  type PrintSize,
  qrPng,
  type QrPngOptions,
  qrSvg,
  type QrSvgOptions,
  type SharpLike,
  type SharpPipeline,
} from './qr-code'
