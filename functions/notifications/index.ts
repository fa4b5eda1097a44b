export { renderSalesEmail, type SalesEmailInput } from './sales-email'
