// Food and daily goods. The list itself becomes an order (order-lines.ts), whose
// acknowledgement replaces this one when the message carried items.
import type { CategoryHandler } from './category-handler.ts'

export const grocery: CategoryHandler = { ack: ({ ticket }) => `收到,已登记 #${ticket.id}(买菜)。` }
