// Health of a person: the steward calls back; groceries written alongside go on an order.
import type { CategoryHandler } from './category-handler.ts'

export const medical: CategoryHandler = {
  ack: ({ ticket, created }) =>
    created
      ? `收到,已登记 #${ticket.id}(就医),管家会尽快联系您。如果情况加重,请直接拨打 120。`
      : `收到,已补充到 #${ticket.id},管家会一并跟进。`,
}
