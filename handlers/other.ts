// A request the model could not place: filed for a steward to read.
import type { CategoryHandler } from './category-handler.ts'

export const other: CategoryHandler = { ack: ({ ticket }) => `收到,已登记 #${ticket.id},管家会看一下怎么帮您。` }
