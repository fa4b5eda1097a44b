export { LinkError, QrError, type LinkErrorField } from './errors'
export { CODE_ALPHABET, GENERATED_CODE_LENGTH, RESERVED_CODES, generateCode, isValidCode, normalizeCode } from './codes'
export { MIN_QR_CONTRAST, contrastRatio, hexColor } from './colors'
export {
  LOGO_SHARE,
  MAX_MARGIN,
  PRINT_SIZES,
  qrPng,
  qrSvg,
  type PrintSize,
  type QrPngOptions,
  type QrSvgOptions,
  type SharpLike,
  type SharpPipeline,
} from './qr-code'
