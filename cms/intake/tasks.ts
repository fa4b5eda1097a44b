import type { Notification } from '../../functions/lead-intake/intake'

/** The job task that carries out each notification of a stored submission. */
export const NOTIFICATION_TASKS: Record<Notification, 'notifyLead' | 'autorespond' | 'sendWebhook' | 'sendDownload'> = {
  'sales-email': 'notifyLead',
  autoresponder: 'autorespond',
  webhook: 'sendWebhook',
  download: 'sendDownload',
}
