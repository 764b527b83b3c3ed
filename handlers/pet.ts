// Animals left alone, pet food, sick or lost pets, complaints about animals.
import type { CategoryHandler } from './category-handler.ts'

export const pet: CategoryHandler = {
  ack: ({ ticket, created }) => (created ? `收到,已登记 #${ticket.id}(宠物),管家会联系志愿者帮忙。` : `收到,已补充到 #${ticket.id}。`),
}
